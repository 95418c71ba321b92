package org.datastamp.detector.dectris.simulator;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * SIMPLON stream v1 ("legacy" format): multipart messages whose parts are JSON headers and binary blobs, as the
 * SIMPLON API manual describes them:
 * <ul>
 * <li>global header: {@code {"htype":"dheader-1.0","series":N,"header_detail":"all|basic|none"}}, then with
 * {@code basic} or {@code all} the detector configuration as one JSON object, then with {@code all} the flatfield,
 * pixel mask and count-rate table, each a JSON part ({@code dflatfield-1.0}, {@code dpixelmask-1.0},
 * {@code dcountrate_table-1.0}: shape, type) followed by its blob;</li>
 * <li>image: {@code {"htype":"dimage-1.0","series":N,"frame":I,"hash":"<md5 of the blob>"}},
 * {@code {"htype":"dimage_d-1.0","shape":[x,y],"type":"uint32","encoding":"bs32-lz4<","size":<blob bytes>}}, the
 * blob, {@code {"htype":"dconfig-1.0","start_time":ns,"stop_time":ns,"real_time":ns}};</li>
 * <li>end: {@code {"htype":"dseries_end-1.0","series":N}}.</li>
 * </ul>
 */
final class StreamV1Encoder implements SeriesEncoder {

    private static final JsonFactory JSON = new JsonFactory();

    private final SimulatorSettings s;
    private final FrameChunks chunks;
    private final String encoding;

    StreamV1Encoder(SimulatorSettings settings, FrameChunks chunks) {
        this.s = settings;
        this.chunks = chunks;
        this.encoding = switch (settings.compression()) {
            case NONE -> "<";
            case LZ4 -> "lz4<";
            case BSLZ4 -> "bs" + settings.bits() + "-lz4<";
        };
    }

    @Override
    public List<byte[]> start() {
        List<byte[]> parts = new ArrayList<>();
        parts.add(json(Map.of("htype", "dheader-1.0", "series", s.seriesId(), "header_detail", s.headerDetail())));
        if (!s.headerDetail().equals("none")) {
            parts.add(json(detectorConfig()));
        }
        if (s.headerDetail().equals("all")) {
            int pixels = s.width() * s.height();
            parts.add(json(Map.of("htype", "dflatfield-1.0", "shape", List.of(s.width(), s.height()), "type", "float32")));
            parts.add(new byte[pixels * 4]);
            parts.add(json(Map.of("htype", "dpixelmask-1.0", "shape", List.of(s.width(), s.height()), "type", "uint32")));
            parts.add(new byte[pixels * 4]);
            parts.add(json(Map.of("htype", "dcountrate_table-1.0", "shape", List.of(2, 1000), "type", "float32")));
            parts.add(new byte[2 * 1000 * 4]);
        }
        return parts;
    }

    private Map<String, Object> detectorConfig() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("description", "DataSTaMP DECTRIS stream simulator");
        config.put("detector_number", "SIM-0001");
        config.put("x_pixels_in_detector", s.width());
        config.put("y_pixels_in_detector", s.height());
        config.put("bit_depth_image", s.bits());
        config.put("nimages", s.frames());
        config.put("ntrigger", 1);
        config.put("frame_time", s.rate() == 0 ? 0.0 : 1 / s.rate());
        config.put("count_time", s.rate() == 0 ? 0.0 : 1 / s.rate());
        config.put("compression", s.compression() == Compression.NONE ? "none" : s.compression().name().toLowerCase());
        return config;
    }

    @Override
    public List<byte[]> image(long index) {
        byte[] blob = chunks.bytes(index);
        long t = index * s.framePeriodNanos();
        return List.of(
                json(Map.of("htype", "dimage-1.0", "series", s.seriesId(), "frame", index, "hash", md5(blob))),
                json(Map.of("htype", "dimage_d-1.0", "shape", List.of(s.width(), s.height()), "type", s.dtype(),
                        "encoding", encoding, "size", blob.length)),
                blob,
                json(Map.of("htype", "dconfig-1.0", "start_time", t, "stop_time", t + s.framePeriodNanos(),
                        "real_time", s.framePeriodNanos())));
    }

    @Override
    public List<byte[]> end() {
        return List.of(json(Map.of("htype", "dseries_end-1.0", "series", s.seriesId())));
    }

    private static byte[] json(Map<String, ?> fields) {
        var out = new java.io.ByteArrayOutputStream(128);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            // htype first, as the detector sends it
            Object htype = fields.get("htype");
            if (htype != null) {
                g.writeStringField("htype", (String) htype);
            }
            for (Map.Entry<String, ?> e : fields.entrySet()) {
                if (!e.getKey().equals("htype")) {
                    g.writeFieldName(e.getKey());
                    writeValue(g, e.getValue());
                }
            }
            g.writeEndObject();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void writeValue(JsonGenerator g, Object v) throws java.io.IOException {
        if (v instanceof String str) {
            g.writeString(str);
        } else if (v instanceof Integer i) {
            g.writeNumber(i);
        } else if (v instanceof Long l) {
            g.writeNumber(l);
        } else if (v instanceof Double d) {
            g.writeNumber(d);
        } else if (v instanceof List<?> list) {
            g.writeStartArray();
            for (Object o : list) {
                writeValue(g, o);
            }
            g.writeEndArray();
        } else {
            throw new IllegalArgumentException("No JSON for " + v);
        }
    }

    private static String md5(byte[] blob) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(blob));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK always has MD5", e);
        }
    }
}
