package org.datastamp.acquisition.hdf5;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.datastamp.core.hdf5.LibraryLocator;
import org.datastamp.catalog.api.MetadataEntry;
import org.datastamp.acquisition.api.ScanFileLayout;
import org.datastamp.detector.api.Frame;
import org.datastamp.detector.api.FrameEncoding;
import org.datastamp.detector.api.FrameGeometry;

import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Factory;

/**
 * Test frames: a deterministic pixel pattern, and its compressed forms made by the real codecs (lz4-java for LZ4,
 * the bitshuffle HDF5 filter through h5py for bitshuffle/LZ4), framed as the HDF5 filters store a chunk.
 */
final class TestFrames {

    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private TestFrames() {
    }

    /** Little-endian pixels of frame {@code index}: small counts with structure, like a diffraction image. */
    static byte[] raw(long index, FrameGeometry g) {
        ByteBuffer b = ByteBuffer.allocate((int) g.frameBytes()).order(ByteOrder.LITTLE_ENDIAN);
        for (int y = 0; y < g.height(); y++) {
            for (int x = 0; x < g.width(); x++) {
                long v = (index * 31 + (long) x * y / 7 + (x % 5 == 0 ? 100 : 0)) % 251;
                switch (g.pixelType()) {
                    case UINT8 -> b.put((byte) v);
                    case UINT16 -> b.putShort((short) (v * 200));
                    case UINT32, INT32 -> b.putInt((int) (v * 100_000));
                    case FLOAT32 -> b.putFloat(v / 4f);
                }
            }
        }
        return b.array();
    }

    static Frame frame(long index, FrameGeometry g, FrameEncoding encoding, byte[] bytes) {
        return new Frame(index, g, encoding, ByteBuffer.wrap(bytes).asReadOnlyBuffer(), T0.plusMillis(index));
    }

    /**
     * One chunk as HDF5 filter 32004 stores it: big-endian uncompressed size (8 bytes) and block size (4 bytes),
     * then per block its compressed size (4 bytes) and the LZ4 block; here one block holds the whole frame.
     */
    static byte[] lz4Chunk(byte[] raw) {
        LZ4Compressor lz4 = LZ4Factory.fastestInstance().fastCompressor();
        byte[] compressed = lz4.compress(raw);
        ByteBuffer b = ByteBuffer.allocate(16 + compressed.length).order(ByteOrder.BIG_ENDIAN);
        b.putLong(raw.length).putInt(raw.length).putInt(compressed.length).put(compressed);
        return b.array();
    }

    /** Chunks made by the bitshuffle HDF5 filter itself: h5py writes the frames with it and reads the chunks back. */
    static List<byte[]> bitshuffleChunks(List<byte[]> raws, FrameGeometry g, Path work) throws Exception {
        Files.createDirectories(work);
        for (int i = 0; i < raws.size(); i++) {
            Files.write(work.resolve("raw-" + i), raws.get(i));
        }
        String dtype = switch (g.pixelType()) {
            case UINT8 -> "<u1";
            case UINT16 -> "<u2";
            case UINT32 -> "<u4";
            case INT32 -> "<i4";
            case FLOAT32 -> "<f4";
        };
        Hdf5Tools.python(String.join("\n",
                "import sys, os",
                "w, n, h, wd, dt = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]",
                "a = numpy.stack([numpy.fromfile(os.path.join(w, 'raw-%d' % i), dtype=dt).reshape(h, wd) for i in range(n)])",
                "with h5py.File(os.path.join(w, 'ref.h5'), 'w') as f:",
                "    d = f.create_dataset('d', data=a, chunks=(1, h, wd), **hdf5plugin.Bitshuffle(nelems=0, cname='lz4'))",
                "    for i in range(n):",
                "        mask, chunk = d.id.read_direct_chunk((i, 0, 0))",
                "        assert mask == 0",
                "        open(os.path.join(w, 'chunk-%d' % i), 'wb').write(chunk)",
                "print('ok=1')"), work.toString(), Integer.toString(raws.size()), Integer.toString(g.height()),
                Integer.toString(g.width()), dtype);
        List<byte[]> chunks = new ArrayList<>();
        for (int i = 0; i < raws.size(); i++) {
            chunks.add(Files.readAllBytes(work.resolve("chunk-" + i)));
        }
        return chunks;
    }

    static ScanFileLayout layout(Path dir, String scanId, FrameGeometry g, FrameEncoding encoding, int perFile,
            String definition, List<MetadataEntry> startMetadata) {
        return new ScanFileLayout(dir, scanId, "Lysozyme test", "lysozyme-01", "BioMAX", definition, "eiger-sim",
                "Simulated EIGER2 16M", g, encoding, perFile, T0, startMetadata);
    }

    static String sha256(List<byte[]> parts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            parts.forEach(md::update);
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Hdf5ScanFileWriter writer(String rawCompression) throws IOException {
        return writer(rawCompression, EarlyWriteback.DEFAULT_EVERY_BYTES);
    }

    static Hdf5ScanFileWriter writer(String rawCompression, long earlyWritebackBytes) throws IOException {
        Hdf5ScanFileWriter w = new Hdf5ScanFileWriter();
        Path lib = LibraryLocator.library("", System.getenv(LibraryLocator.ENV));
        w.configure(new WriterSettings(lib, LibraryLocator.pluginDir("", lib), RawCompression.parse(rawCompression), 0,
                true, earlyWritebackBytes));
        return w;
    }
}
