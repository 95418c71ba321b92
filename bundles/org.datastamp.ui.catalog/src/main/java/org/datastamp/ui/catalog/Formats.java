package org.datastamp.ui.catalog;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.datastamp.acquisition.api.ScanState;
import org.datastamp.acquisition.api.ScanStatus;
import org.datastamp.catalog.api.Datafile;
import org.datastamp.catalog.api.Dataset;
import org.datastamp.catalog.api.MetadataEntry;

/** How the views write sizes, times, metadata and scan progress; plain functions so they are tested alone. */
final class Formats {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};

    private Formats() {
    }

    static String time(Instant instant) {
        return TIME.format(instant);
    }

    /** Binary units with one decimal above bytes: {@code 512 B}, {@code 1.5 KiB}, {@code 2.0 GiB}. */
    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
    }

    /** Rows of the dataset detail's property table: name, value. */
    static List<String[]> properties(Dataset dataset) {
        var content = dataset.content();
        return List.of(
                new String[] {"Id", dataset.id().value()},
                new String[] {"Title", content.title()},
                new String[] {"Type", content.type().name()},
                new String[] {"Instrument", content.instrument()},
                new String[] {"Sample", content.sampleName()},
                new String[] {"Location", content.location()},
                new String[] {"Start", time(content.startTime())},
                new String[] {"End", time(content.endTime())},
                new String[] {"Recorded", time(dataset.created())},
                new String[] {"Size", size(dataset.size()) + " in " + content.files().size() + " file(s)"});
    }

    /** Name, value, unit; lists are written as {@code [a, b, c]}. */
    static String[] metadata(MetadataEntry entry) {
        return new String[] {entry.name(), value(entry.value()), entry.unit()};
    }

    /** Path, size, checksum as {@code SHA-256:ab12...}. */
    static String[] file(Datafile file) {
        return new String[] {file.path(), size(file.size()), file.checksumAlgorithm() + ":" + file.checksum()};
    }

    /** One line on a scan: {@code scan-000003 RUNNING: 4 of 10 frames}, then the dataset or the error. */
    static String scan(ScanStatus status) {
        String progress = status.id() + " " + status.state() + ": " + status.framesWritten() + " of "
                + status.request().frameCount() + " frames";
        if (status.state() == ScanState.COMPLETED && status.dataset().isPresent()) {
            return progress + ", dataset " + status.dataset().get();
        }
        if (status.state() == ScanState.FAILED) {
            return progress + ", failed: " + status.error().orElse("no reason given");
        }
        return progress;
    }

    static boolean finished(ScanStatus status) {
        return status.state() == ScanState.COMPLETED || status.state() == ScanState.FAILED;
    }

    /**
     * Reads the frame count field.
     *
     * @throws IllegalArgumentException with a message for the status line
     */
    static int frameCount(String text, int max) {
        String trimmed = text == null ? "" : text.strip();
        try {
            int frames = Integer.parseInt(trimmed);
            if (frames >= 1 && frames <= max) {
                return frames;
            }
        } catch (NumberFormatException e) {
            // reported below with the accepted range
        }
        throw new IllegalArgumentException("Frames must be a whole number from 1 to " + max + ", not '" + trimmed + "'");
    }

    private static String value(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]"));
        }
        return String.valueOf(value);
    }
}
