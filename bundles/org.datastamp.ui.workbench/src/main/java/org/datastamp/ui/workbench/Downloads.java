package org.datastamp.ui.workbench;

import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.eclipse.rap.rwt.service.UISession;

/**
 * Files a view offered to one browser session ({@code ViewContext.download}), each fetched once through
 * {@link DownloadHandler}. They live in the session, so no other session can fetch them, and a session holds at most
 * {@link #MAX_PENDING}: a download the browser never fetched cannot pile up memory.
 */
final class Downloads {

    static final int MAX_PENDING = 4;

    private static final String ATTRIBUTE = Downloads.class.getName();

    /** One offered file. */
    record Download(String fileName, String mediaType, byte[] content) {
    }

    private final Map<String, Download> pending = new LinkedHashMap<>();

    /** The downloads of a browser session, made on first use. */
    static Downloads of(UISession session) {
        synchronized (session) {
            if (session.getAttribute(ATTRIBUTE) instanceof Downloads downloads) {
                return downloads;
            }
            Downloads downloads = new Downloads();
            session.setAttribute(ATTRIBUTE, downloads);
            return downloads;
        }
    }

    /** Keeps a file for one fetch; returns its token (random, so a URL cannot be guessed). */
    synchronized String offer(Download download) {
        String token = UUID.randomUUID().toString();
        pending.put(token, download);
        Iterator<String> oldest = pending.keySet().iterator();
        while (pending.size() > MAX_PENDING) {
            oldest.next();
            oldest.remove();
        }
        return token;
    }

    /** The file of this token, removed so it is served once. */
    synchronized Optional<Download> take(String token) {
        return Optional.ofNullable(token == null ? null : pending.remove(token));
    }

    /**
     * The {@code Content-Disposition} of a file: a plain ASCII name for every browser, and the exact name in UTF-8
     * (RFC 6266, RFC 8187). Quotes, backslashes, path separators and control characters are replaced.
     */
    static String disposition(String fileName) {
        String safe = fileName.replaceAll("[\\p{Cntrl}\"\\\\/:*?<>|]", "_").strip();
        if (safe.isEmpty() || safe.matches("\\.+")) {
            safe = "download";
        }
        String ascii = safe.replaceAll("[^\\x20-\\x7E]", "_");
        StringBuilder encoded = new StringBuilder();
        for (byte b : safe.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if (Character.isLetterOrDigit(c) && c < 128 || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format("%02X", b & 0xFF));
            }
        }
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }

    /** The script that makes the browser fetch a URL as a download, without leaving the page. */
    static String fetchScript(String url, String fileName) {
        return "(function(){var a=document.createElement('a');a.href=" + jsString(url) + ";a.download="
                + jsString(fileName) + ";a.style.display='none';document.body.appendChild(a);a.click();"
                + "document.body.removeChild(a);})();";
    }

    /** A JavaScript string literal that cannot end early or close a script element. */
    static String jsString(String text) {
        StringBuilder out = new StringBuilder("'");
        for (char c : text.toCharArray()) {
            if (Character.isLetterOrDigit(c) && c < 128 || " .,-_=&?/%:+~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.append('\'').toString();
    }
}
