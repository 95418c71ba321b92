package org.datastamp.analytics.azimuthal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.datastamp.analytics.api.ParameterKind;
import org.datastamp.analytics.api.ParameterSpec;
import org.datastamp.analytics.api.ProcessingException;

/** The plugin's parameters: their declaration and their parsed values for one job. */
record Settings(int bins, QUnit qUnit, String frames, String maskPath, boolean poisson, boolean solidAngle,
        double polarization, String signal, Map<String, Quantities.Value> overrides) {

    static final String BINS = "bins";
    static final String Q_UNIT = "q_unit";
    static final String FRAMES = "frames";
    static final String MASK = "mask_path";
    static final String ERRORS = "error_model";
    static final String SOLID_ANGLE = "solid_angle";
    static final String SIGNAL = "signal";
    static final String POLARIZATION = "polarization_factor";

    /** Geometry parameters that replace the file's value: name -> unit of a bare number. */
    static final Map<String, String> GEOMETRY = geometryUnits();

    static final int MAX_BINS = 1_000_000;

    private static final Pattern NUMBER_AND_UNIT =
            Pattern.compile("\\s*([-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?)\\s*(.*?)\\s*");

    /** The q unit of the output axis, with its factor from 1/m. */
    enum QUnit {
        PER_NM("1/nm", "1/nm", 1e-9), PER_ANGSTROM("1/Å", "1/angstrom", 1e-10);

        final String symbol;
        /** ASCII spelling written to the file's {@code @units} (NeXus/UDUNITS style). */
        final String fileSymbol;
        final double perMetre;

        QUnit(String symbol, String fileSymbol, double perMetre) {
            this.symbol = symbol;
            this.fileSymbol = fileSymbol;
            this.perMetre = perMetre;
        }
    }

    private static Map<String, String> geometryUnits() {
        Map<String, String> units = new LinkedHashMap<>();
        units.put("distance", "mm");
        units.put("wavelength", "Å");
        units.put("beam_center_x", "pixel");
        units.put("beam_center_y", "pixel");
        units.put("x_pixel_size", "µm");
        units.put("y_pixel_size", "µm");
        return Map.copyOf(units);
    }

    static List<ParameterSpec> specs() {
        List<ParameterSpec> specs = new ArrayList<>(List.of(
                ParameterSpec.optional(BINS, "Number of q bins, equally wide between the smallest and largest q of"
                        + " the unmasked pixels", ParameterKind.INTEGER, "", "1000"),
                new ParameterSpec(Q_UNIT, "Unit of the q axis", ParameterKind.CHOICE, "", "1/nm", false,
                        List.of("1/nm", "1/Å")),
                ParameterSpec.optional(FRAMES, "Frames to integrate: empty for all, an index (5), a range (10:20,"
                        + " 0:100:10) or a comma-separated list of those; indices from 0", ParameterKind.TEXT, "", ""),
                ParameterSpec.optional(MASK, "Dataset in the same file whose non-zero pixels are excluded (e.g."
                        + " /entry/instrument/detector/pixel_mask, which is used by default if present); pixels"
                        + " holding the invalid marker 2^n-1, negative values and NaN are always excluded",
                        ParameterKind.TEXT, "", ""),
                new ParameterSpec(ERRORS, "Error model of the counts: poisson (variance = counts) or none",
                        ParameterKind.CHOICE, "", "poisson", false, List.of("poisson", "none")),
                ParameterSpec.optional(SOLID_ANGLE, "Correct each pixel for its solid angle (cos³ 2θ relative to a"
                        + " pixel at the beam centre)", ParameterKind.BOOLEAN, "", "true"),
                ParameterSpec.optional(POLARIZATION, "Polarisation factor of the beam, -1 to 1 (1: fully polarised"
                        + " along the detector's x axis, typical of synchrotrons 0.9-0.99); empty for no polarisation"
                        + " correction", ParameterKind.NUMBER, "", ""),
                ParameterSpec.optional(SIGNAL, "Image dataset to integrate; empty for the file's NeXus default"
                        + " signal", ParameterKind.TEXT, "", "")));
        String[] what = {"Sample-detector distance", "Incident wavelength (or a photon energy with its unit, e.g."
                + " '12.4 keV')", "Beam centre along x (columns), pixels or a length", "Beam centre along y (rows),"
                + " pixels or a length", "Pixel size along x", "Pixel size along y"};
        int i = 0;
        for (String name : List.of("distance", "wavelength", "beam_center_x", "beam_center_y", "x_pixel_size",
                "y_pixel_size")) {
            specs.add(ParameterSpec.optional(name, what[i++] + "; empty to read it from the file. A bare number is"
                    + " in " + GEOMETRY.get(name) + "; another unit may follow it (e.g. '2.5 m')",
                    ParameterKind.NUMBER, GEOMETRY.get(name), ""));
        }
        return List.copyOf(specs);
    }

    static Settings parse(Map<String, String> parameters) throws ProcessingException {
        int bins = integer(parameters, BINS, 1000);
        if (bins < 1 || bins > MAX_BINS) {
            throw new ProcessingException("Parameter '" + BINS + "' must be between 1 and " + MAX_BINS + ", got "
                    + bins);
        }
        String unit = text(parameters, Q_UNIT, "1/nm");
        QUnit qUnit = switch (unit.replace(" ", "").toLowerCase(Locale.ROOT)) {
            case "1/nm", "nm^-1", "nm-1" -> QUnit.PER_NM;
            case "1/å", "1/angstrom", "å^-1", "1/a" -> QUnit.PER_ANGSTROM;
            default -> throw new ProcessingException("Parameter '" + Q_UNIT + "' must be 1/nm or 1/Å, got '" + unit
                    + "'");
        };
        String errors = text(parameters, ERRORS, "poisson").toLowerCase(Locale.ROOT);
        if (!errors.equals("poisson") && !errors.equals("none")) {
            throw new ProcessingException("Parameter '" + ERRORS + "' must be poisson or none, got '" + errors + "'");
        }
        Map<String, Quantities.Value> overrides = new LinkedHashMap<>();
        for (Map.Entry<String, String> g : GEOMETRY.entrySet()) {
            String value = text(parameters, g.getKey(), "");
            if (!value.isEmpty()) {
                overrides.put(g.getKey(), quantity(g.getKey(), value, g.getValue()));
            }
        }
        double polarization = Double.NaN;
        String factor = text(parameters, POLARIZATION, "");
        if (!factor.isEmpty()) {
            try {
                polarization = Double.parseDouble(factor);
            } catch (NumberFormatException e) {
                polarization = Double.POSITIVE_INFINITY;
            }
            if (!(Math.abs(polarization) <= 1)) {
                throw new ProcessingException("Parameter '" + POLARIZATION + "' must be a number from -1 to 1 (or"
                        + " empty for no correction), got '" + factor + "'");
            }
        }
        return new Settings(bins, qUnit, text(parameters, FRAMES, ""), text(parameters, MASK, ""),
                errors.equals("poisson"), bool(parameters, SOLID_ANGLE, true), polarization,
                text(parameters, SIGNAL, ""), Map.copyOf(overrides));
    }

    /** What the weights correct for, as written into the result. */
    String corrections() {
        String solid = solidAngle ? "solid angle (cos^3 2theta, relative to the beam centre)" : "";
        String polar = Double.isNaN(polarization) ? "" : "polarisation (factor " + polarization + ", along x)";
        return solid.isEmpty() && polar.isEmpty() ? "none" : String.join("; ",
                java.util.stream.Stream.of(solid, polar).filter(c -> !c.isEmpty()).toList());
    }

    Optional<Quantities.Value> override(String name) {
        return Optional.ofNullable(overrides.get(name));
    }

    /** The frame indices selected from a stack of {@code count} frames, in increasing order, each once. */
    int[] selectFrames(int count) throws ProcessingException {
        if (frames.isBlank()) {
            int[] all = new int[count];
            for (int i = 0; i < count; i++) {
                all[i] = i;
            }
            return all;
        }
        java.util.BitSet chosen = new java.util.BitSet(count);
        for (String part : frames.split(",")) {
            String p = part.strip();
            try {
                if (p.contains(":")) {
                    String[] r = p.split(":", -1);
                    int start = r[0].isBlank() ? 0 : Integer.parseInt(r[0].strip());
                    int stop = r.length < 2 || r[1].isBlank() ? count : Integer.parseInt(r[1].strip());
                    int step = r.length < 3 || r[2].isBlank() ? 1 : Integer.parseInt(r[2].strip());
                    if (r.length > 3 || step < 1 || start < 0 || start > stop) {
                        throw new NumberFormatException();
                    }
                    for (int f = start; f < Math.min(stop, count); f += step) {
                        chosen.set(f);
                    }
                } else {
                    int f = Integer.parseInt(p);
                    if (f < 0 || f >= count) {
                        throw new ProcessingException("Frame " + f + " is not in the stack of " + count + " frames"
                                + " (indices 0 to " + (count - 1) + ")");
                    }
                    chosen.set(f);
                }
            } catch (NumberFormatException e) {
                throw new ProcessingException("Parameter '" + FRAMES + "': cannot read '" + p + "'; give an index"
                        + " (5), a range start:stop[:step] (0:100:10) or a comma-separated list of those");
            }
        }
        if (chosen.isEmpty()) {
            throw new ProcessingException("Parameter '" + FRAMES + "' = '" + frames + "' selects none of the " + count
                    + " frames");
        }
        return chosen.stream().toArray();
    }

    private static Quantities.Value quantity(String name, String value, String defaultUnit)
            throws ProcessingException {
        Matcher m = NUMBER_AND_UNIT.matcher(value);
        if (!m.matches()) {
            throw new ProcessingException("Parameter '" + name + "' must be a number, optionally followed by a unit"
                    + " (e.g. '" + (name.equals("distance") ? "2.5 m" : "1.5") + "'), got '" + value + "'");
        }
        String unit = m.group(2).isEmpty() ? defaultUnit : m.group(2);
        return new Quantities.Value(Double.parseDouble(m.group(1)), unit, "Parameter '" + name + "'");
    }

    private static String text(Map<String, String> parameters, String name, String defaultValue) {
        String v = parameters.get(name);
        return v == null || v.isBlank() ? defaultValue : v.strip();
    }

    private static int integer(Map<String, String> parameters, String name, int defaultValue)
            throws ProcessingException {
        String v = text(parameters, name, Integer.toString(defaultValue));
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new ProcessingException("Parameter '" + name + "' must be a whole number, got '" + v + "'");
        }
    }

    private static boolean bool(Map<String, String> parameters, String name, boolean defaultValue)
            throws ProcessingException {
        String v = text(parameters, name, Boolean.toString(defaultValue)).toLowerCase(Locale.ROOT);
        return switch (v) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new ProcessingException("Parameter '" + name + "' must be true or false, got '" + v
                    + "'");
        };
    }
}
