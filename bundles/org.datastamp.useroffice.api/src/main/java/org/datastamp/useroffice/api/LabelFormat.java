package org.datastamp.useroffice.api;

/** Formats of a sample label. */
public enum LabelFormat {
    PNG("image/png"), PDF("application/pdf");

    private final String mediaType;

    LabelFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }
}
