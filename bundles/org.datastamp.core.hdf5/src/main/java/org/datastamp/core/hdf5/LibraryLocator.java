package org.datastamp.core.hdf5;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds libhdf5 and its filter plugins where Debian and Ubuntu install them (libhdf5-103-1, hdf5-filter-plugin,
 * bitshuffle), unless the configuration or {@code DATASTAMP_HDF5_LIB} names the library.
 */
public final class LibraryLocator {

    public static final String ENV = "DATASTAMP_HDF5_LIB";

    private LibraryLocator() {
    }

    /**
     * The configured library, else {@code $DATASTAMP_HDF5_LIB}, else the serial libhdf5 of a Debian/Ubuntu system.
     *
     * @throws IOException listing where it looked
     */
    public static Path library(String configured, String environment) throws IOException {
        if (configured != null && !configured.isBlank()) {
            return existing(Path.of(configured.trim()), "configured libraryPath");
        }
        if (environment != null && !environment.isBlank()) {
            return existing(Path.of(environment.trim()), ENV);
        }
        List<Path> tried = new ArrayList<>();
        for (Path libDir : multiarchLibDirs()) {
            for (String name : List.of("hdf5/serial/libhdf5.so", "libhdf5_serial.so.103", "libhdf5_serial.so")) {
                Path candidate = libDir.resolve(name);
                tried.add(candidate);
                if (Files.isRegularFile(candidate)) {
                    return candidate;
                }
            }
        }
        throw new IOException("libhdf5 not found (looked at " + tried + "); install libhdf5-103-1, or set the"
                + " writer's libraryPath or " + ENV + " to the libhdf5 shared library");
    }

    /** The configured plugin folder, else the serial plugin folder beside a Debian/Ubuntu libhdf5 if present. */
    public static Optional<Path> pluginDir(String configured, Path library) throws IOException {
        if (configured != null && !configured.isBlank()) {
            Path dir = Path.of(configured.trim());
            if (!Files.isDirectory(dir)) {
                throw new IOException("HDF5 plugin folder " + dir + " (configured pluginPath) does not exist");
            }
            return Optional.of(dir);
        }
        for (Path dir = library.toAbsolutePath().getParent(); dir != null; dir = dir.getParent()) {
            Path plugins = dir.resolve("plugins");
            if (dir.endsWith(Path.of("hdf5", "serial")) && Files.isDirectory(plugins)) {
                return Optional.of(plugins);
            }
            Path beside = dir.resolve("hdf5/serial/plugins");
            if (Files.isDirectory(beside)) {
                return Optional.of(beside);
            }
        }
        return Optional.empty();
    }

    private static Path existing(Path library, String source) throws IOException {
        if (!Files.isRegularFile(library)) {
            throw new IOException("libhdf5 not found at " + library + " (from " + source + ")");
        }
        return library;
    }

    private static List<Path> multiarchLibDirs() throws IOException {
        List<Path> dirs = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of("/usr/lib"))) {
            s.filter(p -> p.getFileName().toString().endsWith("-linux-gnu")).sorted().forEach(dirs::add);
        } catch (IOException | UncheckedIOException e) {
            // no /usr/lib: nothing to search
        }
        dirs.add(Path.of("/usr/lib"));
        return dirs;
    }
}
