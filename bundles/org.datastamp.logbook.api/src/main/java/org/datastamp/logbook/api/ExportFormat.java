package org.datastamp.logbook.api;

/** Formats of a session's logbook export. */
public enum ExportFormat {
    /** One HTML file, images inlined as data: URIs. */
    HTML("text/html", "html"),
    /** PDF. */
    PDF("application/pdf", "pdf");

    private final String mediaType;
    private final String extension;

    ExportFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }
}
