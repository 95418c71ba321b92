package org.datastamp.detector.dectris.simulator;

import java.util.List;

/**
 * Builds the ZeroMQ messages of one series, each as its list of parts (stream v2 messages have one part).
 * Compressed images are encoded once per distinct pattern frame ({@link PixelPattern#PERIOD}) and reused, so the
 * simulator can outpace a receiver even with 4-megapixel bitshuffled frames.
 */
public interface SeriesEncoder {

    /** The message announcing the series (v1 global header, v2 start). */
    List<byte[]> start();

    /** The message carrying image {@code index} (from 0). */
    List<byte[]> image(long index);

    /** The message ending the series. */
    List<byte[]> end();

    /** The encoder for {@code settings.version()}. */
    static SeriesEncoder of(SimulatorSettings settings) {
        FrameChunks chunks = new FrameChunks(settings);
        return settings.version() == 1 ? new StreamV1Encoder(settings, chunks) : new StreamV2Encoder(settings, chunks);
    }
}
