package org.datastamp.storage.api;

/**
 * Handle of one recall request, to ask for its status later (an IDS "preparedId").
 *
 * @param id opaque, non-blank identifier, unique within the backend that issued it
 */
public record RecallTicket(String id) {

    public RecallTicket {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("A recall ticket needs a non-blank id");
        }
    }
}
