package org.datastamp.storage.api;

/**
 * A valid object key: relative, '/'-separated, no empty folder names, no '..', no segment starting with '.'
 * (reserved for a backend's temporary files), no backslash, tab, newline or NUL. Backends check keys with
 * {@code new ObjectKey(key)} so that all tiers accept the same keys.
 *
 * @param value the key, e.g. {@code raw/2026/scan-000042/scan-000042.nxs}
 */
public record ObjectKey(String value) {

    public ObjectKey {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("An object key must not be empty");
        }
        if (value.startsWith("/")) {
            throw new IllegalArgumentException("Key '" + value + "' is absolute; use a path relative to the tier,"
                    + " e.g. raw/2026/scan-000001/scan-000001.nxs");
        }
        if (value.contains("..")) {
            throw new IllegalArgumentException("Key '" + value + "' contains '..'; keys must stay inside the tier");
        }
        if (value.chars().anyMatch(c -> c == '\\' || c == '\t' || c == '\n' || c == '\r' || c == 0)) {
            throw new IllegalArgumentException("Key '" + value + "' contains a backslash, tab, line break or NUL;"
                    + " separate folders with '/'");
        }
        for (String segment : value.split("/", -1)) {
            if (segment.isBlank() || segment.startsWith(".")) {
                throw new IllegalArgumentException("Key '" + value + "' has an empty folder name or one starting"
                        + " with '.' (reserved for temporary files)");
            }
        }
    }
}
