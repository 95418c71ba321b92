package org.datastamp.ui.logbook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.datastamp.catalog.api.Viewer;
import org.datastamp.logbook.api.ExportFormat;
import org.datastamp.logbook.api.Logbook;
import org.datastamp.logbook.api.NotFoundException;
import org.datastamp.ui.api.ViewContext;
import org.eclipse.swt.widgets.Widget;
import org.junit.jupiter.api.Test;

class ExportDownloadTest {

    static final Viewer PIA = new Viewer("pia", Set.of("P1"), Set.of(), false);

    /** What the view offered the browser. */
    record Offered(String fileName, String mediaType, byte[] content) {
    }

    final List<Offered> offered = new ArrayList<>();
    final List<String> exportedFor = new ArrayList<>();

    final ViewContext context = new ViewContext() {
        @Override
        public void asyncExec(Runnable update) {
            update.run();
        }

        @Override
        public void setTestId(Widget widget, String testId) {
        }

        @Override
        public String user() {
            return "pia";
        }

        @Override
        public void download(String fileName, String mediaType, byte[] content) {
            offered.add(new Offered(fileName, mediaType, content));
        }
    };

    /** A logbook whose export of S1 is a small file naming its format and reader; other sessions are unknown. */
    final Logbook logbook = (Logbook) Proxy.newProxyInstance(Logbook.class.getClassLoader(),
            new Class<?>[] {Logbook.class}, (proxy, method, args) -> {
                if (!method.getName().equals("export")) {
                    throw new UnsupportedOperationException(method.getName());
                }
                if (!args[0].equals("S1")) {
                    throw new NotFoundException("No session '" + args[0] + "' with a logbook you may see");
                }
                exportedFor.add(((Viewer) args[2]).username());
                return (args[1] + " of S1").getBytes(StandardCharsets.UTF_8);
            });

    @Test
    void theSessionsExportIsOfferedAsAFileMadeWithTheUsersViewer() {
        String said = ExportDownload.offer(logbook, "S1", ExportFormat.PDF, PIA, context);

        assertEquals(1, offered.size());
        assertEquals("logbook-S1.pdf", offered.get(0).fileName());
        assertEquals("application/pdf", offered.get(0).mediaType());
        assertArrayEquals("PDF of S1".getBytes(StandardCharsets.UTF_8), offered.get(0).content());
        assertEquals(List.of("pia"), exportedFor, "what the user may read, not more");
        assertEquals("Exported the logbook of session S1 as logbook-S1.pdf (0.0 kB)", said);

        ExportDownload.offer(logbook, "S1", ExportFormat.HTML, PIA, context);
        assertEquals("logbook-S1.html", offered.get(1).fileName());
        assertEquals("text/html", offered.get(1).mediaType());
    }

    @Test
    void aRefusalIsSaidAndNothingIsOffered() {
        String said = ExportDownload.offer(logbook, "S2", ExportFormat.HTML, PIA, context);

        assertEquals(List.of(), offered);
        assertTrue(said.contains("No session 'S2' with a logbook you may see"), said);
        assertEquals("Open a session before exporting its logbook",
                ExportDownload.offer(logbook, "", ExportFormat.HTML, PIA, context));
    }

    @Test
    void aSessionIdBecomesASafeFileName() {
        assertEquals("logbook-2026_A_..__x.html", ExportDownload.fileName("2026/A/..\\ x", ExportFormat.HTML));
    }
}
