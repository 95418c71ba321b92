package org.datastamp.rest;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.datastamp.visualization.api.ArrayRenderer;
import org.datastamp.visualization.api.BadDataRequestException;
import org.datastamp.visualization.api.ElementType;
import org.datastamp.visualization.api.Histogram;
import org.datastamp.visualization.api.ImageStyle;
import org.datastamp.visualization.api.NdArray;
import org.datastamp.visualization.api.Plane;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Answers an array read from a file or a live frame in the format asked for: a PNG in a colormap, a compact binary
 * array for clients that colour it themselves (a little-endian uint32 header length, a JSON header, padding to 4
 * bytes, then float32 or uint16 values, row-major), JSON values for small arrays, or statistics.
 */
final class ArrayAnswers {

    static final String BINARY = "application/octet-stream";
    /** JSON answers carry values one by one: fine for line plots and tables, not for images. */
    static final int MAX_JSON_VALUES = 100_000;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ArrayAnswers() {
    }

    static ApiResponse answer(NdArray array, ViewParameters view, ArrayRenderer renderer, Map<String, String> extra)
            throws BadDataRequestException {
        if (view.format().equals("json")) {
            return ApiResponse.ok(values(array));
        }
        Plane plane = renderer.plane(array, view.width(), view.height(), view.binning());
        return answer(plane, array.shape(), view, renderer, extra);
    }

    /** The answer for a plane already fitted to the view's viewport from an array of {@code sourceShape}. */
    static ApiResponse answer(Plane plane, int[] sourceShape, ViewParameters view, ArrayRenderer renderer,
            Map<String, String> extra) throws BadDataRequestException {
        if (view.format().equals("json")) {
            throw new BadDataRequestException("format=json needs the array's values, not a binned plane");
        }
        double[] limits = view.autoContrast() ? renderer.percentiles(plane, view.low(), view.high())
                : new double[] {view.low(), view.high()};
        Map<String, String> headers = new LinkedHashMap<>(extra);
        headers.put("X-Contrast", limits[0] + "," + limits[1]);
        headers.put("X-Binning", Integer.toString(plane.binX()));
        headers.put("X-Source-Shape", join(sourceShape));
        return switch (view.format()) {
            case "png" -> ApiResponse.binary(renderer.png(plane, new ImageStyle(view.colormap(), view.scale(),
                    limits[0], limits[1])), "image/png", headers);
            case "stats" -> ApiResponse.ok(stats(sourceShape, plane, limits, renderer.histogram(plane, 256,
                    view.scale())));
            default -> ApiResponse.binary(binary(sourceShape, plane, limits, view.format()), BINARY, headers);
        };
    }

    private static byte[] binary(int[] sourceShape, Plane plane, double[] limits, String format)
            throws BadDataRequestException {
        boolean u16 = format.equals("u16");
        ElementType type = plane.sourceType();
        if (u16 && type != ElementType.UINT8 && type != ElementType.UINT16) {
            throw new BadDataRequestException("format=u16 keeps values exact only for uint8/uint16 data; this is "
                    + type.numpyName() + ", use format=f32");
        }
        ObjectNode header = NODES.objectNode();
        header.put("dtype", u16 ? "uint16" : "float32");
        header.set("shape", NODES.arrayNode().add(plane.height()).add(plane.width()));
        header.put("binning", plane.binX());
        header.put("sourceDtype", type.numpyName());
        header.set("sourceShape", shape(sourceShape));
        header.put("low", limits[0]);
        header.put("high", limits[1]);
        header.put("masked", u16 ? "65535" : "NaN");
        byte[] json = header.toString().getBytes(StandardCharsets.UTF_8);
        int offset = (4 + json.length + 3) / 4 * 4;
        float[] v = plane.values();
        ByteBuffer out = ByteBuffer.allocate(offset + v.length * (u16 ? 2 : 4)).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(json.length).put(json).position(offset);
        for (float f : v) {
            if (u16) {
                out.putShort(Float.isNaN(f) ? (short) 0xffff : (short) Math.round(f));
            } else {
                out.putFloat(f);
            }
        }
        return out.array();
    }

    private static ObjectNode values(NdArray array) throws BadDataRequestException {
        if (array.size() > MAX_JSON_VALUES) {
            throw new BadDataRequestException("format=json carries at most " + MAX_JSON_VALUES + " values, the"
                    + " selection has " + array.size() + "; slice it or use format=png or f32");
        }
        ObjectNode json = NODES.objectNode();
        json.set("shape", shape(array.shape()));
        json.put("dtype", array.type().numpyName());
        ArrayNode values = json.putArray("values");
        ByteBuffer b = array.data();
        int n = (int) array.size();
        for (int i = 0; i < n; i++) {
            int at = i * array.type().bytes();
            switch (array.type()) {
                case INT8 -> values.add(b.get(at));
                case UINT8 -> values.add(b.get(at) & 0xff);
                case INT16 -> values.add(b.getShort(at));
                case UINT16 -> values.add(b.getShort(at) & 0xffff);
                case INT32 -> values.add(b.getInt(at));
                case UINT32 -> values.add(Integer.toUnsignedLong(b.getInt(at)));
                case INT64 -> values.add(b.getLong(at));
                case UINT64 -> values.add(new java.math.BigInteger(Long.toUnsignedString(b.getLong(at))));
                case FLOAT32 -> values.add(b.getFloat(at));
                case FLOAT64 -> values.add(b.getDouble(at));
            }
        }
        return json;
    }

    private static ObjectNode stats(int[] sourceShape, Plane plane, double[] limits, Histogram histogram) {
        ObjectNode json = NODES.objectNode();
        json.set("shape", shape(sourceShape));
        json.put("dtype", plane.sourceType().numpyName());
        json.put("binning", plane.binX());
        json.set("contrast", NODES.arrayNode().add(limits[0]).add(limits[1]));
        ObjectNode h = json.putObject("histogram");
        h.put("scale", histogram.scale().name().toLowerCase(java.util.Locale.ROOT));
        h.put("min", histogram.min());
        h.put("max", histogram.max());
        h.put("masked", histogram.masked());
        ArrayNode counts = h.putArray("counts");
        for (long c : histogram.counts()) {
            counts.add(c);
        }
        return json;
    }

    static ArrayNode shape(int[] shape) {
        ArrayNode a = NODES.arrayNode();
        for (int d : shape) {
            a.add(d);
        }
        return a;
    }

    private static String join(int[] shape) {
        StringBuilder s = new StringBuilder();
        for (int d : shape) {
            s.append(s.length() == 0 ? "" : ",").append(d);
        }
        return s.toString();
    }

}
