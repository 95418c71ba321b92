package org.datastamp.detector.dectris.simulator;

/**
 * The wire bytes of each frame's pixels, encoded once per distinct pattern frame and cached (the pattern repeats
 * every {@link PixelPattern#PERIOD} frames).
 */
final class FrameChunks {

    private final SimulatorSettings settings;
    private final ChunkEncoder encoder = new ChunkEncoder();
    private final byte[][] cache = new byte[PixelPattern.PERIOD][];

    FrameChunks(SimulatorSettings settings) {
        this.settings = settings;
    }

    /**
     * Frame {@code index}'s pixels as the given stream version sends them: raw, a bare LZ4 block (v1 {@code lz4<})
     * or an HDF5-framed chunk (v2 {@code lz4}, both versions' bitshuffle-LZ4).
     */
    synchronized byte[] bytes(long index) {
        int phase = (int) (index % PixelPattern.PERIOD);
        if (cache[phase] == null) {
            byte[] raw = PixelPattern.render(phase, settings.width(), settings.height(), settings.bits());
            cache[phase] = switch (settings.compression()) {
                case NONE -> raw;
                case LZ4 -> settings.version() == 1 ? encoder.lz4Block(raw) : encoder.lz4Chunk(raw);
                case BSLZ4 -> encoder.bslz4Chunk(raw, settings.bytesPerPixel());
            };
        }
        return cache[phase];
    }
}
