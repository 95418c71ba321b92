package org.datastamp.acquisition.hdf5;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.datastamp.core.hdf5.LibraryLocator;
import org.datastamp.acquisition.api.RecoveredScanFile;
import org.datastamp.acquisition.api.ScanFile;
import org.datastamp.acquisition.api.ScanFileLayout;
import org.datastamp.acquisition.api.ScanFileWriter;
import org.datastamp.core.hdf5.Hdf5;
import org.datastamp.detector.api.FrameEncoding;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes scans as NeXus/HDF5 with the HDF Group's libhdf5 (called through the Foreign Function and Memory API):
 * compressed detector frames go to disk as they arrive with direct chunk writes, data files are in SWMR mode so a
 * crash leaves them readable, and {@link #recover} finalises what a crashed writer left.
 */
@Component(service = ScanFileWriter.class, configurationPid = Hdf5ScanFileWriter.PID)
@Designate(ocd = Hdf5ScanFileWriter.Config.class)
public class Hdf5ScanFileWriter implements ScanFileWriter {

    static final String PID = "org.datastamp.acquisition.hdf5";

    private static final Logger LOG = LoggerFactory.getLogger(Hdf5ScanFileWriter.class);

    @ObjectClassDefinition(name = "DataSTaMP NeXus/HDF5 scan-file writer",
            description = "Writes scans with libhdf5: direct chunk writes of compressed frames, crash-safe data files")
    public @interface Config {

        @AttributeDefinition(description = "libhdf5 shared library; empty: $DATASTAMP_HDF5_LIB, else the serial"
                + " libhdf5 of Debian/Ubuntu (libhdf5-103-1)", required = false)
        String libraryPath() default "";

        @AttributeDefinition(description = "Folder of HDF5 filter plugins (bitshuffle 32008, LZ4 32004); empty: the"
                + " serial plugins folder beside libhdf5, plus $HDF5_PLUGIN_PATH", required = false)
        String pluginPath() default "";

        @AttributeDefinition(description = "Compression libhdf5 applies to raw (uncompressed) frames: none,"
                + " deflate, deflate:<1-9>, bslz4 or lz4. Compressed frames are always stored as they arrive.")
        String rawCompression() default "none";

        @AttributeDefinition(description = "Also flush on its own after this many frames; 0: only when the scan"
                + " service flushes")
        int flushEveryFrames() default 0;

        @AttributeDefinition(description = "A flush also forces the data onto the storage device (survives a power"
                + " cut, not only a crash of the process); costs a device round trip per flush")
        boolean fsync() default true;

        @AttributeDefinition(description = "Start the kernel writing a data file to the device each time this many"
                + " KiB were appended (Linux sync_file_range), so a flush's fsync has little left to wait for;"
                + " durability is the same. 0: off")
        int earlyWritebackKiB() default 8192;
    }

    private volatile WriterSettings settings;
    private volatile Hdf5 h5;

    @Activate
    @Modified
    void activate(Config config) throws IOException {
        Path library = LibraryLocator.library(config.libraryPath(), System.getenv(LibraryLocator.ENV));
        WriterSettings s = new WriterSettings(library, LibraryLocator.pluginDir(config.pluginPath(), library),
                RawCompression.parse(config.rawCompression()), config.flushEveryFrames(), config.fsync(),
                config.earlyWritebackKiB() * 1024L);
        configure(s);
        LOG.info("HDF5 scan-file writer ready: {} (plugins {}), raw frames {}, flush every {} frames, fsync {},"
                + " early writeback every {} KiB",
                library, s.pluginDir().map(Path::toString).orElse("from HDF5_PLUGIN_PATH"), config.rawCompression(),
                s.flushEveryFrames(), s.fsync(), EarlyWriteback.supported() ? s.earlyWritebackBytes() / 1024 : "(not on this system)");
    }

    /** Loads the library and checks that a configured plugin filter loads, so a bad setup fails at start. */
    void configure(WriterSettings s) throws IOException {
        Hdf5 lib = Hdf5.load(s.library());
        if (s.pluginDir().isPresent()) {
            lib.pluginPathAppend(s.pluginDir().get());
        }
        if (s.rawCompression().filter() != FrameEncoding.RAW) {
            DataFile.requireFilter(lib, s.rawCompression().filter());
        }
        this.h5 = lib;
        this.settings = s;
    }

    @Override
    public ScanFile create(ScanFileLayout layout) throws IOException {
        return NexusScanFile.create(h5, settings, layout);
    }

    @Override
    public Optional<RecoveredScanFile> recover(Path masterFile) throws IOException {
        Optional<ProgressFile> progress = ProgressFile.read(masterFile);
        if (progress.isEmpty() || !Files.isRegularFile(masterFile)) {
            return Optional.empty();
        }
        ProgressFile p = progress.get();
        Path dir = masterFile.toAbsolutePath().getParent();
        List<Path> files = new ArrayList<>(List.of(masterFile));
        List<String> dataFiles = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        long kept = 0;
        boolean gap = false;
        for (int i = 0; i < p.dataFiles().size(); i++) {
            Path dataFile = dir.resolve(p.dataFiles().get(i));
            if (!Files.isRegularFile(dataFile)) {
                break; // the crash came while it was being created: it holds nothing
            }
            long want = gap ? 0 : ProgressFile.framesIn(i, p.framesFlushed(), p.framesPerDataFile());
            long n = DataFile.recover(h5, dataFile, want);
            if (n < want) {
                LOG.error("Scan {}: {} holds {} of its {} flushed frames; frames after the gap are not kept",
                        p.scanId(), dataFile, n, want);
            }
            gap |= n < p.framesPerDataFile();
            files.add(dataFile);
            dataFiles.add(p.dataFiles().get(i));
            counts.add(n);
            kept += n;
        }
        new MasterFile(h5, masterFile, p.geometry()).close(null, List.of(), dataFiles, counts, false);
        ProgressFile.delete(masterFile);
        LOG.warn("Scan {} recovered after a crash: {} frames kept in {} data file(s)", p.scanId(), kept,
                dataFiles.size());
        return Optional.of(new RecoveredScanFile(p.scanId(), files, kept));
    }
}
