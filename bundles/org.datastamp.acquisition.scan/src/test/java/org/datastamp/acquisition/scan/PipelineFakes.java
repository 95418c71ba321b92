package org.datastamp.acquisition.scan;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

import org.datastamp.acquisition.api.RecoveredScanFile;
import org.datastamp.acquisition.api.ScanFile;
import org.datastamp.acquisition.api.ScanFileLayout;
import org.datastamp.acquisition.api.ScanFileWriter;
import org.datastamp.catalog.api.MetadataEntry;
import org.datastamp.controls.api.ControlSystemConnector;
import org.datastamp.controls.api.ControlSystemException;
import org.datastamp.controls.api.ControlVariable;
import org.datastamp.controls.api.VariableReading;
import org.datastamp.detector.api.AcquisitionSummary;
import org.datastamp.detector.api.DetectorDriver;
import org.datastamp.detector.api.DetectorException;
import org.datastamp.detector.api.Frame;
import org.datastamp.detector.api.FrameConsumer;
import org.datastamp.detector.api.FrameEncoding;
import org.datastamp.detector.api.FrameGeometry;
import org.datastamp.detector.api.PixelType;
import org.datastamp.metadata.api.ConfigurationRevision;
import org.datastamp.metadata.api.MetadataConfiguration;
import org.datastamp.metadata.api.MetadataConfigurations;
import org.datastamp.metadata.api.MetadataSchema;
import org.datastamp.metadata.api.SchemaViolation;

/** Stand-ins for the pipeline's collaborators: a scripted detector, a streaming writer, control systems, schemas. */
final class PipelineFakes {

    static final FrameGeometry TINY = new FrameGeometry(4, 3, PixelType.UINT16);

    private PipelineFakes() {
    }

    static Frame frame(long index, FrameEncoding encoding) {
        ByteBuffer pixels = ByteBuffer.allocate((int) TINY.frameBytes());
        pixels.putShort(0, (short) index);
        return new Frame(index, TINY, encoding, pixels.asReadOnlyBuffer(), Instant.EPOCH.plusMillis(index));
    }

    /** Delivers frames as fast as they are taken, on the calling thread, with hooks to hold it at chosen frames. */
    static final class ScriptedDetector implements DetectorDriver {
        volatile FrameEncoding encoding = FrameEncoding.RAW;
        volatile IntConsumer beforeFrame = i -> {
        };
        volatile Runnable afterSeries = () -> {
        };
        final AtomicInteger delivered = new AtomicInteger();

        @Override
        public String capabilityId() {
            return "scripted";
        }

        @Override
        public String displayName() {
            return "Scripted detector";
        }

        @Override
        public FrameGeometry geometry() {
            return TINY;
        }

        @Override
        public AcquisitionSummary acquire(int frameCount, FrameConsumer consumer)
                throws DetectorException, InterruptedException {
            for (int i = 0; i < frameCount; i++) {
                if (Thread.interrupted()) {
                    throw new InterruptedException("aborted at frame " + i);
                }
                beforeFrame.accept(i);
                try {
                    consumer.accept(frame(i, encoding));
                } catch (IOException e) {
                    throw new DetectorException("consumer failed at frame " + i + ": " + e.getMessage(), e);
                }
                delivered.incrementAndGet();
            }
            afterSeries.run();
            return new AcquisitionSummary(frameCount, 0);
        }
    }

    static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new AssertionError("latch not released within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /**
     * A streaming writer keeping what it is told: a master file and one data file on disk (so storage can read
     * them), the frame indices appended, each flush's answer. Can hold or fail appends, and recovers a master file
     * once, as a real writer would (a finalised file is no longer unfinished).
     */
    static final class FakeWriter implements ScanFileWriter {
        final List<FakeFile> created = new CopyOnWriteArrayList<>();
        final CountDownLatch appending = new CountDownLatch(1);
        volatile CountDownLatch holdAppends;
        volatile long failAppendAt = -1;
        final Map<Path, RecoveredScanFile> recoverable = new ConcurrentHashMap<>();
        final AtomicInteger recoverCalls = new AtomicInteger();

        @Override
        public ScanFile create(ScanFileLayout layout) throws IOException {
            FakeFile file = new FakeFile(this, layout);
            created.add(file);
            return file;
        }

        @Override
        public Optional<RecoveredScanFile> recover(Path masterFile) {
            recoverCalls.incrementAndGet();
            return Optional.ofNullable(recoverable.remove(masterFile));
        }

        FakeFile file() {
            return created.get(0);
        }
    }

    static final class FakeFile implements ScanFile {
        final FakeWriter writer;
        final ScanFileLayout layout;
        final Path master;
        final Path data;
        final List<Long> indices = new CopyOnWriteArrayList<>();
        final List<FrameEncoding> encodings = new CopyOnWriteArrayList<>();
        final List<Long> flushes = new CopyOnWriteArrayList<>();
        volatile boolean finished;
        volatile boolean closed;
        volatile Instant end;
        volatile List<MetadataEntry> endMetadata;

        FakeFile(FakeWriter writer, ScanFileLayout layout) throws IOException {
            this.writer = writer;
            this.layout = layout;
            this.master = layout.directory().resolve(layout.scanId() + ".nxs");
            this.data = layout.directory().resolve(layout.scanId() + "_data_000001.h5");
            Files.createDirectories(layout.directory());
            Files.writeString(master, "unfinished", StandardOpenOption.CREATE_NEW);
            Files.write(data, new byte[0], StandardOpenOption.CREATE_NEW);
        }

        @Override
        public void append(Frame frame) throws IOException {
            writer.appending.countDown();
            CountDownLatch hold = writer.holdAppends;
            if (hold != null) {
                await(hold);
            }
            if (frame.index() == writer.failAppendAt) {
                throw new IOException("disk quota exceeded at frame " + frame.index());
            }
            indices.add(frame.index());
            encodings.add(frame.encoding());
            byte[] bytes = new byte[frame.pixels().remaining()];
            frame.pixels().duplicate().get(bytes);
            Files.write(data, bytes, StandardOpenOption.APPEND);
        }

        @Override
        public long flush() {
            long durable = indices.size();
            flushes.add(durable);
            return durable;
        }

        @Override
        public void finish(Instant end, List<MetadataEntry> endMetadata) throws IOException {
            this.end = end;
            this.endMetadata = List.copyOf(endMetadata);
            this.finished = true;
            Files.writeString(master, "finished with " + indices.size() + " frames");
        }

        @Override
        public List<Path> files() {
            return List.of(master, data);
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    /** A control system whose values are scripted per call, remembering what each read asked for. */
    static final class ScriptedControls implements ControlSystemConnector {
        final String id;
        final List<ControlVariable> variables;
        /** value of variable i at call n: values[n][i]; a call beyond the script repeats the last row. */
        final double[][] values;
        final List<List<String>> requests = new CopyOnWriteArrayList<>();
        volatile int failAtCall = -1;

        ScriptedControls(String id, List<ControlVariable> variables, double[]... values) {
            this.id = id;
            this.variables = variables;
            this.values = values;
        }

        @Override
        public String capabilityId() {
            return id;
        }

        @Override
        public String displayName() {
            return id;
        }

        @Override
        public List<ControlVariable> variables() {
            return variables;
        }

        @Override
        public List<VariableReading> readAll() {
            throw new AssertionError("a configured beamline reads only its rows, never everything");
        }

        @Override
        public List<VariableReading> read(Collection<ControlVariable> wanted) throws ControlSystemException {
            int call = requests.size();
            requests.add(wanted.stream().map(ControlVariable::name).toList());
            if (call == failAtCall) {
                throw new ControlSystemException(id + ": connection refused");
            }
            double[] row = values[Math.min(call, values.length - 1)];
            List<VariableReading> readings = new ArrayList<>();
            for (int i = 0; i < variables.size(); i++) {
                ControlVariable v = variables.get(i);
                if (wanted.stream().anyMatch(w -> w.device().equals(v.device()) && w.attribute().equals(v.attribute()))) {
                    readings.add(new VariableReading(v, row[i], Instant.EPOCH));
                }
            }
            return readings;
        }
    }

    static final class FakeConfigurations implements MetadataConfigurations {
        volatile MetadataConfiguration configuration;

        FakeConfigurations(MetadataConfiguration configuration) {
            this.configuration = configuration;
        }

        @Override
        public MetadataConfiguration current(String instrument) {
            return configuration.instrument().equals(instrument) ? configuration
                    : MetadataConfiguration.empty(instrument);
        }

        @Override
        public List<String> instruments() {
            return List.of(configuration.instrument());
        }

        @Override
        public ConfigurationRevision save(MetadataConfiguration c, String author, String message) {
            throw new UnsupportedOperationException("not used by scans");
        }

        @Override
        public List<ConfigurationRevision> history(String instrument) {
            throw new UnsupportedOperationException("not used by scans");
        }

        @Override
        public MetadataConfiguration at(String instrument, String revisionId) {
            throw new UnsupportedOperationException("not used by scans");
        }

        @Override
        public String diff(String instrument, String from, String to) {
            throw new UnsupportedOperationException("not used by scans");
        }

        @Override
        public ConfigurationRevision restore(String instrument, String revisionId, String author) {
            throw new UnsupportedOperationException("not used by scans");
        }
    }

    /** NXsas as a toy: requires an entry named {@code wavelength}; remembers what it was shown. */
    static final class RequiresWavelength implements MetadataSchema {
        final List<List<MetadataEntry>> seen = new CopyOnWriteArrayList<>();

        @Override
        public String capabilityId() {
            return "nxsas-schema";
        }

        @Override
        public String displayName() {
            return "NXsas";
        }

        @Override
        public String definition() {
            return "NXsas";
        }

        @Override
        public List<SchemaViolation> validate(List<MetadataEntry> recorded) {
            seen.add(recorded);
            return recorded.stream().anyMatch(e -> e.name().equals("wavelength")) ? List.of()
                    : List.of(new SchemaViolation("NXsas", "wavelength", "NXsas requires the incident wavelength"));
        }
    }
}
