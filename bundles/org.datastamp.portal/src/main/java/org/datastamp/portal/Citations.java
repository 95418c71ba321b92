package org.datastamp.portal;

import java.util.List;
import java.util.stream.Collectors;

import org.datastamp.doi.api.Creator;
import org.datastamp.doi.api.Doi;
import org.datastamp.doi.api.DoiMetadata;
import org.datastamp.doi.api.Subject;

/** A DOI's citation in DataCite's recommended text form, BibTeX and RIS. */
final class Citations {

    private Citations() {
    }

    static String doiUrl(Doi doi) {
        return "https://doi.org/" + doi.value();
    }

    /** DataCite's recommended form: Creator (PublicationYear): Title. Publisher. ResourceType. Identifier. */
    static String text(Doi doi, DoiMetadata m) {
        String creators = m.creators().stream().map(Creator::name).collect(Collectors.joining("; "));
        return creators + " (" + m.publicationYear() + "): " + m.title() + ". " + m.publisher() + ". Dataset. "
                + doiUrl(doi);
    }

    static String bibtex(Doi doi, DoiMetadata m) {
        String key = doi.value().replaceAll("[^A-Za-z0-9]+", "_");
        StringBuilder b = new StringBuilder("@misc{").append(key).append(",\n");
        field(b, "author", m.creators().stream().map(c -> bibtexEscape(c.name())).collect(Collectors.joining(" and ")));
        field(b, "title", "{" + bibtexEscape(m.title()) + "}");
        field(b, "publisher", bibtexEscape(m.publisher()));
        field(b, "year", Integer.toString(m.publicationYear()));
        field(b, "doi", doi.value());
        field(b, "url", doiUrl(doi));
        if (!m.subjects().isEmpty()) {
            field(b, "keywords", m.subjects().stream().map(s -> bibtexEscape(s.value())).collect(Collectors.joining(", ")));
        }
        field(b, "note", "Dataset");
        return b.append("}\n").toString();
    }

    private static void field(StringBuilder b, String name, String value) {
        b.append("  ").append(name).append(" = {").append(value).append("},\n");
    }

    /** Characters with a meaning in (La)TeX are written as TeX commands so the text stays text. */
    static String bibtexEscape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\textbackslash{}");
                case '{', '}', '%', '$', '&', '#', '_' -> out.append('\\').append(c);
                case '~' -> out.append("\\textasciitilde{}");
                case '^' -> out.append("\\textasciicircum{}");
                case '\n', '\r' -> out.append(' ');
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** RIS (Research Information Systems), type DATA. */
    static String ris(Doi doi, DoiMetadata m) {
        StringBuilder r = new StringBuilder();
        tag(r, "TY", "DATA");
        for (Creator c : m.creators()) {
            tag(r, "AU", c.name());
        }
        tag(r, "TI", m.title());
        tag(r, "PY", Integer.toString(m.publicationYear()));
        tag(r, "PB", m.publisher());
        tag(r, "DO", doi.value());
        tag(r, "UR", doiUrl(doi));
        if (!m.description().isBlank()) {
            tag(r, "AB", m.description());
        }
        for (Subject s : m.subjects()) {
            tag(r, "KW", s.value());
        }
        tag(r, "ER", "");
        return r.toString();
    }

    private static void tag(StringBuilder r, String tag, String value) {
        // one line per tag: line breaks in values would start a bogus tag
        r.append(tag).append("  - ").append(value.replaceAll("[\\r\\n]+", " ")).append("\r\n");
    }

    static List<String> formats() {
        return List.of("text", "bibtex", "ris", "json-ld", "datacite");
    }
}
