package org.datastamp.catalog.api;

import java.time.Instant;
import java.util.Objects;

/**
 * An image or note attached to a dataset.
 *
 * @param id        attachment id
 * @param datasetId the dataset
 * @param name      file name, e.g. {@code setup.png}
 * @param mediaType e.g. {@code image/png}, {@code text/markdown}
 * @param caption   caption, empty if none
 * @param author    username of the person who attached it
 * @param created   when it was attached
 */
public record Attachment(String id, DatasetId datasetId, String name, String mediaType, String caption,
        String author, Instant created) {

    public Attachment {
        Ids.require("attachment id", id);
        Objects.requireNonNull(datasetId, "datasetId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mediaType, "mediaType");
        caption = caption == null ? "" : caption;
        Ids.require("author of attachment " + id, author);
        Objects.requireNonNull(created, "created");
    }
}
