package org.datastamp.detector.dectris.simulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;

/**
 * SIMPLON stream v2: one CBOR message per ZeroMQ message, as DECTRIS documents it (github.com/dectris/documentation,
 * stream_v2/README.md and cbor/dectris-compression-tag.md). Each message is a self-described CBOR map (tag 55799)
 * whose first key is {@code type}; images carry {@code data: {channel: tag 40 [[height, width], typed array]}} where
 * the typed array is an RFC 8746 little-endian tag (64 uint8, 69 uint16, 70 uint32) around either the raw bytes or a
 * DECTRIS compression tag 56500 {@code ["bslz4", elemSize, chunk]} / {@code ["lz4", 0, chunk]}. Arrays and maps are
 * written with definite lengths, which DECTRIS' reference parser requires.
 */
final class StreamV2Encoder implements SeriesEncoder {

    static final String CHANNEL = "threshold_1";
    private static final int SELF_DESCRIBED_CBOR = 55799;
    private static final int DATE_TIME_STRING = 0;
    private static final int MULTI_DIM_ROW_MAJOR = 40;
    private static final int DECTRIS_COMPRESSION = 56500;

    private static final CBORFactory CBOR = CBORFactory.builder().build();

    private final SimulatorSettings s;
    private final FrameChunks chunks;
    private final String uniqueId = UUID.randomUUID().toString();
    private final String armDate = Instant.now().toString();
    private final long timeBase = 100_000_000L; // DECTRIS' rationals have the time base frequency as denominator

    StreamV2Encoder(SimulatorSettings settings, FrameChunks chunks) {
        this.s = settings;
        this.chunks = chunks;
    }

    @Override
    public List<byte[]> start() {
        return List.of(write(64 + 64, g -> {
            g.writeStartObject(null, 14);
            g.writeStringField("type", "start");
            g.writeNumberField("series_id", s.seriesId());
            g.writeStringField("series_unique_id", uniqueId);
            g.writeFieldName("arm_date");
            g.writeTag(DATE_TIME_STRING);
            g.writeString(armDate);
            g.writeFieldName("channels");
            g.writeStartArray(null, 1);
            g.writeString(CHANNEL);
            g.writeEndArray();
            g.writeNumberField("count_time", period());
            g.writeNumberField("frame_time", period());
            g.writeStringField("detector_description", "DataSTaMP DECTRIS stream simulator");
            g.writeStringField("detector_serial_number", "SIM-0001");
            g.writeStringField("image_dtype", s.dtype());
            g.writeNumberField("image_size_x", s.width());
            g.writeNumberField("image_size_y", s.height());
            g.writeNumberField("number_of_images", s.frames());
            g.writeNumberField("saturation_value", (1L << s.bits()) - 3);
            g.writeEndObject();
        }));
    }

    @Override
    public List<byte[]> image(long index) {
        byte[] pixels = chunks.bytes(index);
        long ticks = Math.round(period() * timeBase);
        return List.of(write(pixels.length + 512, g -> {
            g.writeStartObject(null, 9);
            g.writeStringField("type", "image");
            g.writeNumberField("series_id", s.seriesId());
            g.writeStringField("series_unique_id", uniqueId);
            g.writeNumberField("image_id", index);
            g.writeFieldName("real_time");
            rational(g, ticks);
            g.writeFieldName("series_date");
            g.writeTag(DATE_TIME_STRING);
            g.writeString(armDate);
            g.writeFieldName("start_time");
            rational(g, index * ticks);
            g.writeFieldName("stop_time");
            rational(g, (index + 1) * ticks);
            g.writeFieldName("data");
            g.writeStartObject(null, 1);
            g.writeFieldName(CHANNEL);
            g.writeTag(MULTI_DIM_ROW_MAJOR);
            g.writeStartArray(null, 2);
            g.writeStartArray(null, 2);
            g.writeNumber(s.height()); // row-major: slow axis first
            g.writeNumber(s.width());
            g.writeEndArray();
            g.writeTag(typedArrayTag());
            if (s.compression() == Compression.NONE) {
                g.writeBinary(pixels);
            } else {
                g.writeTag(DECTRIS_COMPRESSION);
                g.writeStartArray(null, 3);
                g.writeString(s.compression() == Compression.LZ4 ? "lz4" : "bslz4");
                g.writeNumber(s.compression() == Compression.LZ4 ? 0 : s.bytesPerPixel());
                g.writeBinary(pixels);
                g.writeEndArray();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();
        }));
    }

    @Override
    public List<byte[]> end() {
        return List.of(write(64, g -> {
            g.writeStartObject(null, 3);
            g.writeStringField("type", "end");
            g.writeNumberField("series_id", s.seriesId());
            g.writeStringField("series_unique_id", uniqueId);
            g.writeEndObject();
        }));
    }

    /** RFC 8746 typed-array tag of little-endian unsigned integers of the series' width. */
    private int typedArrayTag() {
        return switch (s.bits()) {
            case 8 -> 64;
            case 16 -> 69;
            default -> 70;
        };
    }

    private double period() {
        return s.rate() == 0 ? 0.0 : 1 / s.rate();
    }

    private void rational(CBORGenerator g, long numerator) throws IOException {
        g.writeStartArray(null, 2);
        g.writeNumber(numerator);
        g.writeNumber(timeBase);
        g.writeEndArray();
    }

    private interface Body {
        void write(CBORGenerator g) throws IOException;
    }

    private static byte[] write(int sizeHint, Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(sizeHint);
        try (CBORGenerator g = CBOR.createGenerator(out)) {
            g.writeTag(SELF_DESCRIBED_CBOR);
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
