package org.datastamp.storage.lifecycle;

import java.util.List;

import org.datastamp.catalog.api.Attachment;
import org.datastamp.catalog.api.CopyFormat;
import org.datastamp.catalog.api.Datafile;
import org.datastamp.catalog.api.Dataset;
import org.datastamp.catalog.api.DatasetCopy;

/**
 * Object keys of a dataset's files in one copy. Plain: {@code <prefix>/<path>}. OCFL: the object has one version,
 * files at logical path {@code data/<path>}, attachments at {@code attachments/<id>/<name>} and the catalogue
 * record at {@value #METADATA}, stored under
 * {@code v1/content/} (ocfl-java's default content layout).
 */
final class CopyKeys {

    static final String OCFL_ROOT = "ocfl";
    static final String DATA = "data/";
    static final String METADATA = "datastamp-dataset.json";
    static final String CONTENT = "/v1/content/";
    /** Catalogue attachments (the logbook export among them) in an OCFL object: {@code attachments/<id>/<name>}. */
    static final String ATTACHMENTS = "attachments/";

    private CopyKeys() {
    }

    static String key(DatasetCopy copy, Datafile file) {
        return key(copy.format(), copy.keyPrefix(), file);
    }

    static String key(CopyFormat format, String prefix, Datafile file) {
        return format == CopyFormat.PLAIN ? prefix + "/" + file.path() : prefix + CONTENT + DATA + file.path();
    }

    /** The attachment's logical path; its name reduced to a safe file name (the catalogue does not restrict it). */
    static String attachmentPath(Attachment attachment) {
        String name = safeName(attachment.name());
        return ATTACHMENTS + safeName(attachment.id()) + "/"
                + (name.isEmpty() || name.matches("\\.+") ? "attachment" : name);
    }

    /** A name that is one path segment of letters, digits, '.', '_' and '-'. */
    static String safeName(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    static List<String> fileKeys(DatasetCopy copy, Dataset dataset) {
        return dataset.content().files().stream().map(f -> key(copy, f)).toList();
    }
}
