package org.datastamp.detector.dectris;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.datastamp.detector.api.FrameEncoding;
import org.datastamp.detector.api.FrameGeometry;
import org.datastamp.detector.api.PixelType;

/**
 * Decodes SIMPLON stream v1 ("legacy") multipart messages, per the SIMPLON API manual's stream interface chapter:
 * <ul>
 * <li>global header: part 1 {@code {"htype":"dheader-1.0","series":N,"header_detail":"all|basic|none"}}; with
 * {@code basic} or {@code all} part 2 is the detector configuration (we read {@code x_pixels_in_detector},
 * {@code y_pixels_in_detector}, {@code bit_depth_image}, {@code nimages}, {@code ntrigger}); with {@code all} six
 * more parts carry flatfield, pixel mask and count-rate table (header and blob each), which the receiver skips;</li>
 * <li>image: {@code {"htype":"dimage-1.0","series":N,"frame":I,"hash":md5}}, then
 * {@code {"htype":"dimage_d-1.0","shape":[x,y],"type":T,"encoding":E,"size":S}}, the data blob, then
 * {@code {"htype":"dconfig-1.0","start_time","stop_time","real_time"}} (not needed here);</li>
 * <li>end of series: {@code {"htype":"dseries_end-1.0","series":N}}.</li>
 * </ul>
 * Encodings: {@code <} raw little-endian; {@code lz4<} one bare LZ4 block of the whole frame (wrapped here in the
 * HDF5 LZ4 filter's framing, without recompressing); {@code bs8-lz4<}, {@code bs16-lz4<}, {@code bs32-lz4<}
 * bitshuffle-LZ4 in the HDF5 bitshuffle filter's chunk format, 12-byte header included (passed through as is).
 */
final class StreamV1Decoder {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern BITSHUFFLE_LZ4 = Pattern.compile("bs(8|16|32)-lz4<");

    StreamEvent decode(List<byte[]> parts) throws StreamMessageException {
        JsonNode header = json(parts.get(0), "part 1");
        String htype = text(header, "htype", "message header");
        return switch (htype) {
            case "dheader-1.0" -> seriesStart(header, parts);
            case "dimage-1.0" -> image(header, parts);
            case "dseries_end-1.0" -> new StreamEvent.SeriesEnd(number(header, "series", htype));
            default -> throw new StreamMessageException(Problem.UNKNOWN_MESSAGE_TYPE, "Unknown stream v1 htype '"
                    + htype + "' (expected dheader-1.0, dimage-1.0 or dseries_end-1.0)");
        };
    }

    private StreamEvent.SeriesStart seriesStart(JsonNode header, List<byte[]> parts) throws StreamMessageException {
        long series = number(header, "series", "dheader-1.0");
        String detail = text(header, "header_detail", "dheader-1.0");
        int expectedParts = switch (detail) {
            case "none" -> 1;
            case "basic" -> 2;
            case "all" -> 8;
            default -> throw new StreamMessageException(Problem.MALFORMED, "dheader-1.0 of series " + series
                    + " has header_detail '" + detail + "' (expected all, basic or none)");
        };
        // One more part may follow: the header appendix a user configured.
        if (parts.size() < expectedParts || parts.size() > expectedParts + 1) {
            throw new StreamMessageException(Problem.MALFORMED, "dheader-1.0 of series " + series + " with header_detail "
                    + detail + " has " + parts.size() + " parts, expected " + expectedParts + " (or one more appendix)");
        }
        if (detail.equals("none")) {
            return new StreamEvent.SeriesStart(series, null, -1);
        }
        JsonNode config = json(parts.get(1), "the detector configuration part of dheader-1.0");
        FrameGeometry geometry = null;
        PixelType type = PixelTypes.fromBitDepth(config.path("bit_depth_image").asInt(0));
        int x = config.path("x_pixels_in_detector").asInt(0);
        int y = config.path("y_pixels_in_detector").asInt(0);
        if (type != null && x > 0 && y > 0) {
            geometry = new FrameGeometry(x, y, type);
        }
        long images = config.has("nimages") ? config.path("nimages").asLong() * config.path("ntrigger").asLong(1) : -1;
        return new StreamEvent.SeriesStart(series, geometry, images);
    }

    private StreamEvent.Image image(JsonNode header, List<byte[]> parts) throws StreamMessageException {
        long series = number(header, "series", "dimage-1.0");
        long frame = number(header, "frame", "dimage-1.0");
        String where = "dimage-1.0 of series " + series + " frame " + frame;
        if (parts.size() < 3) {
            throw new StreamMessageException(Problem.MALFORMED, where + " has " + parts.size()
                    + " parts; it needs at least the image header, dimage_d-1.0 and the data");
        }
        JsonNode d = json(parts.get(1), "the dimage_d-1.0 part of " + where);
        String dHtype = text(d, "htype", where + " part 2");
        if (!dHtype.equals("dimage_d-1.0")) {
            throw new StreamMessageException(Problem.UNKNOWN_MESSAGE_TYPE, where + ": part 2 has htype '" + dHtype
                    + "', expected dimage_d-1.0");
        }
        FrameGeometry geometry = new FrameGeometry(shape(d, 0, where), shape(d, 1, where),
                PixelTypes.fromName(text(d, "type", where)));
        String encoding = text(d, "encoding", where);
        byte[] blob = parts.get(2);
        long size = number(d, "size", where);
        if (size != blob.length) {
            throw new StreamMessageException(Problem.SIZE_MISMATCH, where + ": data part has " + blob.length
                    + " bytes but dimage_d-1.0 says size " + size + " (truncated or padded)");
        }
        long rawBytes = geometry.frameBytes();
        try {
            return frame(series, frame, geometry, encoding, blob, rawBytes);
        } catch (StreamMessageException e) {
            throw new StreamMessageException(e.problem(), where + ": " + e.getMessage(), e);
        }
    }

    private static StreamEvent.Image frame(long series, long frame, FrameGeometry geometry, String encoding,
            byte[] blob, long rawBytes) throws StreamMessageException {
        if (encoding.equals("<")) {
            if (blob.length != rawBytes) {
                throw new StreamMessageException(Problem.SIZE_MISMATCH, "raw data has " + blob.length
                        + " bytes but shape and type need " + rawBytes);
            }
            ByteBuffer pixels = ByteBuffer.wrap(blob).asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
            return new StreamEvent.Image(series, frame, geometry, FrameEncoding.RAW, pixels);
        }
        if (encoding.equals("lz4<")) {
            return new StreamEvent.Image(series, frame, geometry, FrameEncoding.LZ4,
                    Hdf5Chunks.wrapLz4Block(blob, rawBytes));
        }
        Matcher bs = BITSHUFFLE_LZ4.matcher(encoding);
        if (bs.matches()) {
            int elemSize = Integer.parseInt(bs.group(1)) / 8;
            if (elemSize != geometry.pixelType().bytes()) {
                throw new StreamMessageException(Problem.UNKNOWN_ENCODING, "encoding " + encoding + " shuffles "
                        + elemSize + "-byte elements but the pixel type " + geometry.pixelType() + " has "
                        + geometry.pixelType().bytes());
            }
            ByteBuffer chunk = ByteBuffer.wrap(blob).asReadOnlyBuffer();
            Hdf5Chunks.checkBitshuffleLz4(chunk, rawBytes, elemSize);
            return new StreamEvent.Image(series, frame, geometry, FrameEncoding.BSLZ4, chunk);
        }
        throw new StreamMessageException(Problem.UNKNOWN_ENCODING, "unknown encoding '" + encoding
                + "' (known: <, lz4<, bs8-lz4<, bs16-lz4<, bs32-lz4<)");
    }

    private static int shape(JsonNode d, int axis, String where) throws StreamMessageException {
        JsonNode shape = d.get("shape");
        if (shape == null || !shape.isArray() || shape.size() < 2) {
            throw new StreamMessageException(Problem.MALFORMED, where + ": dimage_d-1.0 has no shape [x, y]");
        }
        if (shape.size() > 2 && shape.get(2).asLong() != 1) {
            throw new StreamMessageException(Problem.UNKNOWN_ENCODING, where + ": shape " + shape
                    + " has a third dimension; frames are two-dimensional");
        }
        JsonNode n = shape.get(axis);
        if (!n.canConvertToInt() || n.asInt() <= 0) {
            throw new StreamMessageException(Problem.MALFORMED, where + ": shape " + shape
                    + " is not two positive integers");
        }
        return n.asInt();
    }

    private static JsonNode json(byte[] part, String what) throws StreamMessageException {
        try {
            JsonNode node = JSON.readTree(part);
            if (node == null || !node.isObject()) {
                throw new StreamMessageException(Problem.MALFORMED, what + " is not a JSON object");
            }
            return node;
        } catch (IOException e) {
            String reason = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            throw new StreamMessageException(Problem.MALFORMED, what + " is not valid JSON: " + reason, e);
        }
    }

    private static String text(JsonNode node, String field, String where) throws StreamMessageException {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw new StreamMessageException(Problem.MALFORMED, where + " has no text field '" + field + "'");
        }
        return v.asText();
    }

    private static long number(JsonNode node, String field, String where) throws StreamMessageException {
        JsonNode v = node.get(field);
        if (v == null || !v.canConvertToLong() || v.asLong() < 0) {
            throw new StreamMessageException(Problem.MALFORMED, where + " has no non-negative integer '" + field + "'");
        }
        return v.asLong();
    }
}
