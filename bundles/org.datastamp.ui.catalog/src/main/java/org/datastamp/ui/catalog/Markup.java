package org.datastamp.ui.catalog;

import java.util.regex.Pattern;

/**
 * Text for RAP widgets with markup enabled. Their cells are parsed as XHTML, so every text must be escaped; the
 * markup is used to give table rows DOM ids and classes that browser tests can find (RAP's markup allows
 * {@code id} and {@code class} on {@code span}).
 */
final class Markup {

    private static final Pattern NOT_ID = Pattern.compile("[^A-Za-z0-9._-]");

    private Markup() {
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * A span that marks a table row: {@code <span class="cssClass" id="domId">text</span>}.
     *
     * @param domId any text; characters not allowed in an id are replaced by {@code _}
     */
    static String rowAnchor(String cssClass, String domId, String text) {
        return "<span class=\"" + cssClass + "\" id=\"" + NOT_ID.matcher(domId).replaceAll("_") + "\">" + escape(text)
                + "</span>";
    }
}
