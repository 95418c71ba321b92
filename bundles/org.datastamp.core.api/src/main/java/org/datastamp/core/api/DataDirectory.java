package org.datastamp.core.api;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The one directory that holds all of a DataSTaMP installation's state, and the fixed layout inside it. Every
 * component that keeps files resolves its folder here, so the layout is defined once.
 *
 * @param root absolute, normalised path of the data directory
 */
public record DataDirectory(Path root) {

    /** Framework property naming the data directory (read with {@code BundleContext.getProperty}). */
    public static final String PROPERTY = "datastamp.data.dir";

    /** Used when {@link #PROPERTY} is unset: relative to the process working directory. */
    public static final String DEFAULT = "var/datastamp";

    public DataDirectory {
        Objects.requireNonNull(root, "root");
        root = root.toAbsolutePath().normalize();
    }

    /**
     * The data directory named by the value of {@link #PROPERTY}, or {@link #DEFAULT} when it is unset or blank.
     *
     * @param propertyValue the framework property's value, may be {@code null}
     */
    public static DataDirectory fromProperty(String propertyValue) {
        return new DataDirectory(Path.of(propertyValue == null || propertyValue.isBlank() ? DEFAULT : propertyValue));
    }

    /** Folder of the embedded catalogue database. */
    public Path catalog() {
        return root.resolve("catalog");
    }

    /** Root of the hot-disk storage tier. */
    public Path hot() {
        return root.resolve("hot");
    }

    /** Files being written, before they are handed to a storage tier. */
    public Path staging() {
        return root.resolve("staging");
    }

    /** Small state files of the acquisition service (e.g. the last scan number). */
    public Path acquisition() {
        return root.resolve("acquisition");
    }
}
