package org.datastamp.ui.logbook;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

import org.datastamp.logbook.api.LogImage;
import org.datastamp.logbook.api.LogbookException;
import org.eclipse.rap.fileupload.FileDetails;
import org.eclipse.rap.fileupload.FileUploadReceiver;

/**
 * Hands a file the browser uploaded to the logbook, which checks its content and size. Runs in the upload's request
 * thread; the panel learns the outcome through {@code done} and the handler's failure event.
 */
final class ImageReceiver extends FileUploadReceiver {

    /** Stores an uploaded image for the panel's current session and user. */
    @FunctionalInterface
    interface Store {
        LogImage store(String fileName, byte[] content) throws LogbookException;
    }

    private final long maxBytes;
    private final Store store;
    private final Consumer<LogImage> done;

    ImageReceiver(long maxBytes, Store store, Consumer<LogImage> done) {
        this.maxBytes = maxBytes;
        this.store = store;
        this.done = done;
    }

    @Override
    public void receive(InputStream stream, FileDetails details) throws IOException {
        byte[] content = stream.readNBytes((int) maxBytes + 1);
        if (content.length > maxBytes) {
            throw new IOException(details.getFileName() + " is larger than " + maxBytes / (1024 * 1024)
                    + " MB; nothing was stored");
        }
        try {
            done.accept(store.store(details.getFileName(), content));
        } catch (LogbookException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
