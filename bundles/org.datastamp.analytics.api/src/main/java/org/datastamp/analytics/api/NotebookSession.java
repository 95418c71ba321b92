package org.datastamp.analytics.api;

import java.util.Objects;

import org.datastamp.catalog.api.DatasetId;

/**
 * A notebook opened (or being opened) on a dataset.
 *
 * @param dataset     the dataset
 * @param user        the hub user
 * @param state       where it is
 * @param progress    0 to 100, as the hub reports its spawn progress
 * @param notebookUrl URL of the starter notebook once {@link NotebookState#READY}, empty before
 * @param message     last progress message or the reason it failed
 */
public record NotebookSession(DatasetId dataset, String user, NotebookState state, int progress, String notebookUrl,
        String message) {

    public NotebookSession {
        Objects.requireNonNull(dataset, "dataset");
        user = user == null ? "" : user;
        Objects.requireNonNull(state, "state");
        if (progress < 0 || progress > 100) {
            throw new IllegalArgumentException("Notebook progress must be within 0..100, got " + progress);
        }
        notebookUrl = notebookUrl == null ? "" : notebookUrl;
        message = message == null ? "" : message;
    }
}
