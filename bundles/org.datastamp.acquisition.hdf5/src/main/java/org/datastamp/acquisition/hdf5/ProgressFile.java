package org.datastamp.acquisition.hdf5;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import org.datastamp.detector.api.FrameGeometry;
import org.datastamp.detector.api.PixelType;

/**
 * The sidecar {@code <scanId>.nxs.writing} beside an unfinished scan: which data files it has and how many frames
 * {@link org.datastamp.acquisition.api.ScanFile#flush()} acknowledged. Its presence marks the scan as unfinished
 * (recovery looks for it); it is replaced atomically at each flush and deleted when the scan is closed.
 *
 * @param scanId            the scan
 * @param geometry          frame geometry (a virtual dataset over the data files needs it)
 * @param framesPerDataFile frames per data file
 * @param dataFiles         data file names (relative to the master's folder), in order
 * @param framesFlushed     frames durable on disk
 */
record ProgressFile(String scanId, FrameGeometry geometry, int framesPerDataFile, List<String> dataFiles, long framesFlushed) {

    static final String SUFFIX = ".writing";

    ProgressFile {
        dataFiles = List.copyOf(dataFiles);
    }

    static Path of(Path masterFile) {
        return masterFile.resolveSibling(masterFile.getFileName() + SUFFIX);
    }

    /** Replaces the sidecar of {@code masterFile} atomically; with {@code fsync} it is on the device first. */
    void write(Path masterFile, boolean fsync) throws IOException {
        Properties p = new Properties();
        p.setProperty("scanId", scanId);
        p.setProperty("width", Integer.toString(geometry.width()));
        p.setProperty("height", Integer.toString(geometry.height()));
        p.setProperty("pixelType", geometry.pixelType().name());
        p.setProperty("framesPerDataFile", Integer.toString(framesPerDataFile));
        p.setProperty("dataFiles", String.join(",", dataFiles));
        p.setProperty("framesFlushed", Long.toString(framesFlushed));
        StringWriter text = new StringWriter();
        p.store(text, "DataSTaMP scan being written; ScanFileWriter.recover() finalises it after a crash");
        Path target = of(masterFile);
        Path temp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.writeString(temp, text.toString(), StandardCharsets.ISO_8859_1);
        if (fsync) {
            try (FileChannel c = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                c.force(true);
            }
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** The sidecar of {@code masterFile}, if the scan is unfinished. */
    static Optional<ProgressFile> read(Path masterFile) throws IOException {
        Path file = of(masterFile);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        p.load(new StringReader(Files.readString(file, StandardCharsets.ISO_8859_1)));
        try {
            String files = p.getProperty("dataFiles", "");
            FrameGeometry geometry = new FrameGeometry(Integer.parseInt(required(p, "width", file)),
                    Integer.parseInt(required(p, "height", file)), PixelType.valueOf(required(p, "pixelType", file)));
            return Optional.of(new ProgressFile(required(p, "scanId", file), geometry,
                    Integer.parseInt(required(p, "framesPerDataFile", file)),
                    files.isEmpty() ? List.of() : Arrays.asList(files.split(",")),
                    Long.parseLong(required(p, "framesFlushed", file))));
        } catch (IllegalArgumentException e) {
            throw new IOException("Scan sidecar " + file + " is damaged: " + e.getMessage(), e);
        }
    }

    private static String required(Properties p, String key, Path file) throws IOException {
        String v = p.getProperty(key);
        if (v == null) {
            throw new IOException("Scan sidecar " + file + " lacks '" + key + "'");
        }
        return v;
    }

    static void delete(Path masterFile) throws IOException {
        Files.deleteIfExists(of(masterFile));
    }

    /** Frames the {@code i}-th data file (from 0) holds when {@code total} frames were written. */
    static long framesIn(int i, long total, int framesPerDataFile) {
        return Math.max(0, Math.min(framesPerDataFile, total - (long) i * framesPerDataFile));
    }
}
