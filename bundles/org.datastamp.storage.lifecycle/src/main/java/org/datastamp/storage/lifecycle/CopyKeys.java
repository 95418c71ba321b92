package org.datastamp.storage.lifecycle;

import java.util.List;

import org.datastamp.catalog.api.CopyFormat;
import org.datastamp.catalog.api.Datafile;
import org.datastamp.catalog.api.Dataset;
import org.datastamp.catalog.api.DatasetCopy;

/**
 * Object keys of a dataset's files in one copy. Plain: {@code <prefix>/<path>}. OCFL: the object has one version,
 * files at logical path {@code data/<path>} and the catalogue record at {@value #METADATA}, stored under
 * {@code v1/content/} (ocfl-java's default content layout).
 */
final class CopyKeys {

    static final String OCFL_ROOT = "ocfl";
    static final String DATA = "data/";
    static final String METADATA = "datastamp-dataset.json";
    static final String CONTENT = "/v1/content/";

    private CopyKeys() {
    }

    static String key(DatasetCopy copy, Datafile file) {
        return key(copy.format(), copy.keyPrefix(), file);
    }

    static String key(CopyFormat format, String prefix, Datafile file) {
        return format == CopyFormat.PLAIN ? prefix + "/" + file.path() : prefix + CONTENT + DATA + file.path();
    }

    static List<String> fileKeys(DatasetCopy copy, Dataset dataset) {
        return dataset.content().files().stream().map(f -> key(copy, f)).toList();
    }
}
