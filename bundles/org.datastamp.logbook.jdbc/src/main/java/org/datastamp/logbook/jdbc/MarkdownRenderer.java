package org.datastamp.logbook.jdbc;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Markdown to safe HTML (decision 0025): commonmark renders with raw HTML escaped, then jsoup's Safelist keeps only
 * formatting, links (http, https, mailto) and images ({@code image:ID} of this logbook), so no script, event handler,
 * style or javascript: URL survives whatever the Markdown holds. Only after that are our own images resolved and
 * {@code #scan-id} mentions turned into links: what we add is built from checked ids, never from the text.
 */
final class MarkdownRenderer {

    static final String IMAGE_PROTOCOL = "image";

    private static final Pattern MENTION = Pattern.compile("#([A-Za-z0-9][A-Za-z0-9._-]{0,63})");

    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().escapeHtml(true).build();
    private final Safelist safelist = Safelist.relaxed().addProtocols("img", "src", IMAGE_PROTOCOL)
            .removeProtocols("a", "href", "ftp");

    /** How images and mentions appear in the rendered HTML. */
    interface Links {
        /** The {@code src} of an image of this logbook, empty when there is no such image. */
        Optional<String> image(String imageId);

        /** Whether {@code #id} names a scan of this logbook. */
        boolean isScan(String scanId);

        /** The link of a mentioned scan. */
        String scan(String scanId);
    }

    /** Renders Markdown to sanitized HTML (a fragment). */
    String render(String markdown, Links links) {
        String unsafe = renderer.render(parser.parse(markdown));
        Document clean = new Cleaner(safelist).clean(Jsoup.parseBodyFragment(unsafe));
        resolveImages(clean, links::image);
        mentionScans(clean.body(), links::isScan, links::scan);
        clean.outputSettings().prettyPrint(false);
        return clean.body().html();
    }

    private static void resolveImages(Document doc, Function<String, Optional<String>> source) {
        for (Element img : doc.select("img")) {
            String src = img.attr("src");
            Optional<String> resolved = src.startsWith(IMAGE_PROTOCOL + ":")
                    ? source.apply(src.substring(IMAGE_PROTOCOL.length() + 1)) : Optional.of(src);
            if (resolved.isPresent()) {
                img.attr("src", resolved.get());
            } else {
                img.replaceWith(new TextNode("[missing image " + src + "]"));
            }
        }
    }

    private static void mentionScans(Element root, Predicate<String> isScan, Function<String, String> link) {
        for (TextNode text : List.copyOf(root.textNodes())) {
            link(text, isScan, link);
        }
        for (Element child : List.copyOf(root.children())) {
            if (!child.normalName().equals("a") && !child.normalName().equals("code")
                    && !child.normalName().equals("pre")) {
                mentionScans(child, isScan, link);
            }
        }
    }

    /** Splits a text node around each mention of a known scan and puts a link in between. */
    private static void link(TextNode text, Predicate<String> isScan, Function<String, String> link) {
        TextNode rest = text;
        Matcher m = MENTION.matcher(rest.getWholeText());
        while (m.find()) {
            if (!isScan.test(m.group(1))) {
                continue;
            }
            // jsoup cannot split at the very end of a text: a mention that ends it has nothing after it
            boolean last = m.end() == rest.getWholeText().length();
            TextNode mention = rest.splitText(m.start());
            TextNode after = last ? null : mention.splitText(m.end() - m.start());
            Element a = new Element("a").attr("href", link.apply(m.group(1))).attr("class", "scan-mention")
                    .text(m.group());
            mention.replaceWith(a);
            if (after == null) {
                return;
            }
            rest = after;
            m = MENTION.matcher(rest.getWholeText());
        }
    }
}
