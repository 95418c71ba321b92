package org.datastamp.detector.dectris;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORParser;

import org.datastamp.detector.api.FrameEncoding;
import org.datastamp.detector.api.FrameGeometry;
import org.datastamp.detector.api.PixelType;

/**
 * Decodes SIMPLON stream v2 messages as DECTRIS documents them (github.com/dectris/documentation:
 * stream_v2/README.md, cbor/dectris-compression-tag.md and the reference parser stream_v2/examples/stream2.c):
 * each ZeroMQ message is one self-described CBOR item (tag 55799) holding a map whose first key is {@code type}
 * ({@code start}, {@code image}, {@code end}). Image data is {@code data: {channel: tag 40 [[dim0, dim1], typed
 * array]}} in row-major order (dim0 = rows = height); the typed array is an RFC 8746 tag around a byte string or
 * a DECTRIS compression tag 56500 {@code [algorithm, elem_size, bytes]}, whose bytes for {@code bslz4} and
 * {@code lz4} are already in the HDF5 filters' chunk format, so they are passed through untouched.
 */
final class StreamV2Decoder {

    private static final int SELF_DESCRIBED_CBOR = 55799;
    private static final int MULTI_DIM_ROW_MAJOR = 40;
    private static final int DECTRIS_COMPRESSION = 56500;
    private static final CBORFactory CBOR = new CBORFactory();

    private final String channel;

    /** @param channel the image channel to take (e.g. threshold_1); empty takes the first one of each image */
    StreamV2Decoder(String channel) {
        this.channel = channel;
    }

    StreamEvent decode(byte[] message) throws StreamMessageException {
        try (CBORParser p = CBOR.createParser(message)) {
            if (p.nextToken() != JsonToken.START_OBJECT || !p.getCurrentTags().contains(SELF_DESCRIBED_CBOR)) {
                throw new StreamMessageException(Problem.MALFORMED,
                        "Stream v2 message is not a self-described CBOR map (tag 55799)");
            }
            if (p.nextToken() != JsonToken.FIELD_NAME || !p.currentName().equals("type")
                    || p.nextToken() != JsonToken.VALUE_STRING) {
                throw new StreamMessageException(Problem.MALFORMED,
                        "Stream v2 message does not start with the text field 'type'");
            }
            String type = p.getText();
            Fields f = fields(p, type);
            return switch (type) {
                case "start" -> start(f);
                case "image" -> image(f);
                case "end" -> new StreamEvent.SeriesEnd(f.require(f.seriesId, "series_id", type));
                default -> throw new StreamMessageException(Problem.UNKNOWN_MESSAGE_TYPE, "Unknown stream v2 type '"
                        + type + "' (expected start, image or end)");
            };
        } catch (IOException e) {
            throw new StreamMessageException(Problem.MALFORMED, "Stream v2 message is not valid CBOR: "
                    + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }

    private static StreamEvent.SeriesStart start(Fields f) throws StreamMessageException {
        long series = f.require(f.seriesId, "series_id", "start");
        FrameGeometry geometry = null;
        if (f.sizeX > 0 && f.sizeY > 0 && f.dtype != null) {
            geometry = new FrameGeometry((int) f.sizeX, (int) f.sizeY, PixelTypes.fromName(f.dtype));
        }
        return new StreamEvent.SeriesStart(series, geometry, f.numberOfImages);
    }

    private static StreamEvent.Image image(Fields f) throws StreamMessageException {
        long series = f.require(f.seriesId, "series_id", "image");
        long index = f.require(f.imageId, "image_id", "image");
        if (f.image == null) {
            throw new StreamMessageException(Problem.MALFORMED, "Stream v2 image " + index + " of series " + series
                    + " has no image data");
        }
        return new StreamEvent.Image(series, index, f.image.geometry(), f.image.encoding(), f.image.pixels());
    }

    /** The fields this receiver uses; the rest of a message is skipped. */
    private static final class Fields {
        long seriesId = -1;
        long imageId = -1;
        long sizeX = -1;
        long sizeY = -1;
        long numberOfImages = -1;
        String dtype;
        ChannelImage image;

        long require(long value, String name, String type) throws StreamMessageException {
            if (value < 0) {
                throw new StreamMessageException(Problem.MALFORMED, "Stream v2 " + type + " message has no '" + name
                        + "'");
            }
            return value;
        }
    }

    private record ChannelImage(FrameGeometry geometry, FrameEncoding encoding, ByteBuffer pixels) {
    }

    private Fields fields(CBORParser p, String type) throws IOException, StreamMessageException {
        Fields f = new Fields();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            switch (name) {
                case "series_id" -> f.seriesId = unsigned(p, name);
                case "image_id" -> f.imageId = unsigned(p, name);
                case "image_size_x" -> f.sizeX = unsigned(p, name);
                case "image_size_y" -> f.sizeY = unsigned(p, name);
                case "number_of_images" -> f.numberOfImages = unsigned(p, name);
                case "image_dtype" -> f.dtype = value == JsonToken.VALUE_STRING ? p.getText() : null;
                case "data" -> {
                    if (type.equals("image")) {
                        f.image = data(p);
                    } else {
                        p.skipChildren();
                    }
                }
                default -> p.skipChildren();
            }
        }
        if (p.currentToken() != JsonToken.END_OBJECT) {
            throw new StreamMessageException(Problem.MALFORMED, "Stream v2 " + type + " message is not a map of"
                    + " text keys");
        }
        return f;
    }

    private static long unsigned(CBORParser p, String name) throws IOException, StreamMessageException {
        if (p.currentToken() != JsonToken.VALUE_NUMBER_INT || p.getLongValue() < 0) {
            throw new StreamMessageException(Problem.MALFORMED, "Stream v2 field '" + name
                    + "' is not an unsigned integer");
        }
        return p.getLongValue();
    }

    /** The {@code data} map: picks the configured channel (or the first) and decodes its multi-dimensional array. */
    private ChannelImage data(CBORParser p) throws IOException, StreamMessageException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw new StreamMessageException(Problem.MALFORMED, "Stream v2 image 'data' is not a map of channels");
        }
        ChannelImage chosen = null;
        List<String> seen = new ArrayList<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            seen.add(name);
            p.nextToken();
            if (chosen == null && (channel.isEmpty() || channel.equals(name))) {
                chosen = multiDimArray(p, name);
            } else {
                p.skipChildren();
            }
        }
        if (chosen == null) {
            throw new StreamMessageException(Problem.MALFORMED, "Stream v2 image has no channel '" + channel
                    + "' (it has " + seen + ")");
        }
        return chosen;
    }

    private static ChannelImage multiDimArray(CBORParser p, String channel) throws IOException, StreamMessageException {
        if (p.currentToken() != JsonToken.START_ARRAY || !p.getCurrentTags().contains(MULTI_DIM_ROW_MAJOR)) {
            throw new StreamMessageException(Problem.MALFORMED, "Channel '" + channel
                    + "' is not a row-major multi-dimensional array (tag 40)");
        }
        if (p.nextToken() != JsonToken.START_ARRAY) {
            throw new StreamMessageException(Problem.MALFORMED, "Channel '" + channel + "' has no dimensions array");
        }
        long rows = nextDimension(p, channel);
        long columns = nextDimension(p, channel);
        if (p.nextToken() != JsonToken.END_ARRAY || rows <= 0 || columns <= 0 || rows > Integer.MAX_VALUE
                || columns > Integer.MAX_VALUE) {
            throw new StreamMessageException(Problem.UNKNOWN_ENCODING, "Channel '" + channel
                    + "' is not a two-dimensional image of positive size");
        }
        JsonToken data = p.nextToken();
        int typedTag = p.getCurrentTag();
        PixelType type = PixelTypes.fromTypedArrayTag(typedTag);
        FrameGeometry geometry = new FrameGeometry((int) columns, (int) rows, type);
        ChannelImage image;
        if (data == JsonToken.VALUE_EMBEDDED_OBJECT) {
            byte[] raw = p.getBinaryValue();
            if (raw.length != geometry.frameBytes()) {
                throw new StreamMessageException(Problem.SIZE_MISMATCH, "Channel '" + channel + "' holds " + raw.length
                        + " bytes but its " + columns + "x" + rows + " " + type + " shape needs "
                        + geometry.frameBytes());
            }
            image = new ChannelImage(geometry, FrameEncoding.RAW,
                    ByteBuffer.wrap(raw).asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN));
        } else if (data == JsonToken.START_ARRAY && p.getCurrentTags().contains(DECTRIS_COMPRESSION)) {
            image = compressed(p, channel, geometry);
        } else {
            throw new StreamMessageException(Problem.MALFORMED, "Channel '" + channel
                    + "' data is neither a byte string nor a DECTRIS compression tag 56500");
        }
        if (p.nextToken() != JsonToken.END_ARRAY) {
            throw new StreamMessageException(Problem.MALFORMED, "Channel '" + channel
                    + "' multi-dimensional array has more than dimensions and data");
        }
        return image;
    }

    private static long nextDimension(CBORParser p, String channel) throws IOException, StreamMessageException {
        if (p.nextToken() != JsonToken.VALUE_NUMBER_INT) {
            throw new StreamMessageException(Problem.UNKNOWN_ENCODING, "Channel '" + channel
                    + "' dimensions are not two integers");
        }
        return p.getLongValue();
    }

    /** Tag 56500 {@code [algorithm, elem_size, bytes]}; the bytes are an HDF5 filter chunk for bslz4 and lz4. */
    private static ChannelImage compressed(CBORParser p, String channel, FrameGeometry geometry)
            throws IOException, StreamMessageException {
        if (p.nextToken() != JsonToken.VALUE_STRING) {
            throw new StreamMessageException(Problem.MALFORMED, "Channel '" + channel
                    + "' compression tag does not start with the algorithm name");
        }
        String algorithm = p.getText();
        if (p.nextToken() != JsonToken.VALUE_NUMBER_INT) {
            throw new StreamMessageException(Problem.MALFORMED, "Channel '" + channel
                    + "' compression tag has no element size");
        }
        long elemSize = p.getLongValue();
        if (p.nextToken() != JsonToken.VALUE_EMBEDDED_OBJECT) {
            throw new StreamMessageException(Problem.MALFORMED, "Channel '" + channel
                    + "' compression tag has no byte string");
        }
        ByteBuffer chunk = ByteBuffer.wrap(p.getBinaryValue()).asReadOnlyBuffer();
        if (p.nextToken() != JsonToken.END_ARRAY) {
            throw new StreamMessageException(Problem.MALFORMED, "Channel '" + channel
                    + "' compression tag has more than three items");
        }
        long rawBytes = geometry.frameBytes();
        String where = "Channel '" + channel + "': ";
        try {
            switch (algorithm) {
                case "bslz4" -> {
                    if (elemSize != geometry.pixelType().bytes()) {
                        throw new StreamMessageException(Problem.UNKNOWN_ENCODING, "bslz4 element size " + elemSize
                                + " does not match the typed array's " + geometry.pixelType().bytes() + "-byte pixels");
                    }
                    Hdf5Chunks.checkBitshuffleLz4(chunk, rawBytes, (int) elemSize);
                    return new ChannelImage(geometry, FrameEncoding.BSLZ4, chunk);
                }
                case "lz4" -> {
                    Hdf5Chunks.checkLz4(chunk, rawBytes);
                    return new ChannelImage(geometry, FrameEncoding.LZ4, chunk);
                }
                default -> throw new StreamMessageException(Problem.UNKNOWN_ENCODING, "unknown compression '"
                        + algorithm + "' (known: bslz4, lz4)");
            }
        } catch (StreamMessageException e) {
            throw new StreamMessageException(e.problem(), where + e.getMessage(), e);
        }
    }
}
