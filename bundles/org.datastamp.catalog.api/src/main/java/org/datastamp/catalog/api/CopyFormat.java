package org.datastamp.catalog.api;

/** How a copy lays out a dataset's files on its tier. */
public enum CopyFormat {
    /** Each file as object {@code <keyPrefix>/<file path>} (the hot tier's layout, as acquisition writes it). */
    PLAIN,
    /**
     * An OCFL object rooted at {@code <keyPrefix>}: files under {@code v1/content/}, the catalogue record as
     * {@code v1/content/datastamp-dataset.json}, described by {@code inventory.json}.
     */
    OCFL
}
