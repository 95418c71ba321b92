package org.datastamp.rest;

import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.datastamp.catalog.api.Datafile;
import org.datastamp.catalog.api.Dataset;
import org.datastamp.catalog.api.DatasetAccess;
import org.datastamp.catalog.api.DatasetId;
import org.datastamp.catalog.api.DatasetType;
import org.datastamp.catalog.api.Lifecycle;
import org.datastamp.catalog.api.NewDataset;
import org.datastamp.catalog.api.Viewer;

/**
 * Run in a JVM with a small heap (DownloadsTest): streams a ZIP of a dataset several times larger than that heap to
 * a sink that only counts, and prints the ZIP's size. Exits non-zero if memory ran out.
 */
public final class ZipHeapCheck {

    static final int FILES = 4;
    static final long FILE_SIZE = 64L << 20;

    private ZipHeapCheck() {
    }

    /** Writes the dataset's files (sparse, so quick) under {@code root}; returns their total size. */
    static long write(Path root) throws IOException {
        Files.createDirectories(root.resolve("raw/ds-big"));
        for (int i = 0; i < FILES; i++) {
            try (RandomAccessFile f = new RandomAccessFile(root.resolve("raw/ds-big/frames-" + i + ".h5").toFile(),
                    "rw")) {
                f.setLength(FILE_SIZE);
                f.seek(FILE_SIZE - 8);
                f.writeLong(i);
            }
        }
        return FILES * FILE_SIZE;
    }

    static Dataset dataset() {
        List<Datafile> files = new ArrayList<>();
        for (int i = 0; i < FILES; i++) {
            files.add(new Datafile("frames-" + i + ".h5", FILE_SIZE, "SHA-256", "00", Fakes.T0));
        }
        return new Dataset(new DatasetId("ds-big"), Fakes.T0, new NewDataset("big", DatasetType.RAW, "CoSAXS", "",
                "raw/ds-big", Fakes.T0, Fakes.T0, files, List.of()), Lifecycle.onHotDisk(),
                new DatasetAccess("", "CoSAXS", Fakes.T0), "");
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        Fakes.FakeCatalog catalog = new Fakes.FakeCatalog();
        catalog.datasets.add(dataset());
        Downloads downloads = new Downloads(() -> catalog, new DatasetFiles(() -> List.of(new TestStorage.Disk(
                "hot-disk", root))), new DownloadLog(root.resolve("log")), Downloads.defaultLevel(), Clock.systemUTC());
        long[] count = {0};
        OutputStream counter = new OutputStream() {
            @Override
            public void write(int b) {
                count[0]++;
            }

            @Override
            public void write(byte[] b, int off, int len) {
                count[0] += len;
            }
        };
        downloads.serve(Requests.get("/api/v1/datasets", "/ds-big/download", Map.of(), Viewer.system()), null, false,
                new Downloads.Sink() {
                    @Override
                    public void status(int status) {
                    }

                    @Override
                    public void header(String name, String value) {
                    }

                    @Override
                    public OutputStream body() {
                        return counter;
                    }
                });
        System.out.println(count[0]);
    }
}
