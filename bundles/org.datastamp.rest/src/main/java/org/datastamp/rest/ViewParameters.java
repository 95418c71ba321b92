package org.datastamp.rest;

import java.util.Locale;

import org.datastamp.visualization.api.Binning;
import org.datastamp.visualization.api.Scale;

/**
 * How a caller wants an array shown: {@code format} (png, f32, u16, json, stats), viewport {@code width} and
 * {@code height}, {@code binning} (mean, max, min), {@code colormap}, {@code scale} (linear, log, sqrt) and
 * {@code contrast} ({@code auto}, {@code auto:1,99.9} percentiles, or explicit {@code low,high}).
 */
record ViewParameters(String format, int width, int height, Binning binning, String colormap, Scale scale,
        boolean autoContrast, double low, double high) {

    static final int MAX_VIEWPORT = 8192;

    static ViewParameters from(ApiRequest request) throws ProblemException {
        String format = request.queryParameter("format").orElse("png").toLowerCase(Locale.ROOT);
        if (!java.util.List.of("png", "f32", "u16", "json", "stats").contains(format)) {
            throw bad("format", "Unknown format '" + format + "'; use png, f32, u16, json or stats");
        }
        int width = size(request, "width");
        int height = size(request, "height");
        Binning binning = choice(request, "binning", Binning.class, Binning.MEAN);
        Scale scale = choice(request, "scale", Scale.class, Scale.LINEAR);
        String colormap = request.queryParameter("colormap").orElse("viridis");
        String contrast = request.queryParameter("contrast").orElse("auto").trim();
        boolean auto = contrast.startsWith("auto");
        double[] limits = auto ? new double[] {0.1, 99.9} : null;
        String numbers = auto ? (contrast.startsWith("auto:") ? contrast.substring(5) : "") : contrast;
        if (!numbers.isEmpty()) {
            String[] parts = numbers.split(",");
            try {
                limits = new double[] {Double.parseDouble(parts[0]), Double.parseDouble(parts[1])};
            } catch (RuntimeException e) {
                throw bad("contrast", "contrast must be auto, auto:<low %>,<high %> or <low>,<high>, got '" + contrast
                        + "'");
            }
        }
        if (limits == null || !(limits[0] < limits[1])) {
            throw bad("contrast", "contrast needs a low limit below the high one, got '" + contrast + "'");
        }
        return new ViewParameters(format, width, height, binning, colormap, scale, auto, limits[0], limits[1]);
    }

    private static int size(ApiRequest request, String name) throws ProblemException {
        String text = request.queryParameter(name).orElse("512");
        try {
            int v = Integer.parseInt(text);
            if (v >= 1 && v <= MAX_VIEWPORT) {
                return v;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw bad(name, name + " must be a number of pixels from 1 to " + MAX_VIEWPORT + ", got '" + text + "'");
    }

    private static <E extends Enum<E>> E choice(ApiRequest request, String name, Class<E> type, E fallback)
            throws ProblemException {
        String text = request.queryParameter(name).orElse(fallback.name());
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw bad(name, "Unknown " + name + " '" + text + "'; use one of "
                    + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT));
        }
    }

    static ProblemException bad(String field, String detail) {
        return new ProblemException(Problem.badRequest(detail).with("field", field));
    }
}
