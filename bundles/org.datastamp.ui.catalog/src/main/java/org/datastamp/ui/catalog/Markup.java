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
        return "<span class=\"" + cssClass + "\" id=\"" + domId(domId) + "\">" + escape(text) + "</span>";
    }

    /** A link the browser follows itself in a new tab: {@code <a href="href" target="_blank">text</a>}. */
    static String link(String href, String text) {
        return "<a href=\"" + escape(href) + "\" target=\"_blank\">" + escape(text) + "</a>";
    }

    /** The same with a DOM id for tests, made of allowed characters as {@link #rowAnchor} makes it. */
    static String link(String domId, String href, String text) {
        return "<a id=\"" + domId(domId) + "\"" + link(href, text).substring("<a".length());
    }

    private static String domId(String text) {
        return NOT_ID.matcher(text).replaceAll("_");
    }
}
