package org.datastamp.logbook.jdbc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import org.datastamp.logbook.api.LogbookException;
import org.jsoup.helper.W3CDom;
import org.jsoup.nodes.Document;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/** The HTML export laid out as PDF by openhtmltopdf on PDFBox (decision 0026): one document, two formats. */
final class PdfExport {

    private PdfExport() {
    }

    static byte[] pdf(Document html) throws LogbookException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withW3cDocument(new W3CDom().fromJsoup(html), "");
            builder.toStream(out);
            builder.run();
        } catch (IOException | RuntimeException e) {
            throw new LogbookException("Could not lay out the logbook as PDF: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }
}
