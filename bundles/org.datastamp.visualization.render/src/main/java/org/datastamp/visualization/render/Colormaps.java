package org.datastamp.visualization.render;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.datastamp.visualization.api.BadDataRequestException;

/**
 * The colormap tables shipped in {@code colormaps/*.txt}: 256 RGB entries each, generated from matplotlib's data by
 * releng/colormaps/generate-colormaps.py.
 */
final class Colormaps {

    static final List<String> NAMES = List.of("viridis", "inferno", "magma", "plasma", "cividis", "gray", "turbo");

    private final Map<String, int[]> argb = new LinkedHashMap<>();

    Colormaps() {
        for (String name : NAMES) {
            argb.put(name, load(name));
        }
    }

    /** 256 opaque ARGB colours, low values first. */
    int[] argb(String name) throws BadDataRequestException {
        int[] table = argb.get(name == null ? "" : name.toLowerCase(java.util.Locale.ROOT));
        if (table == null) {
            throw new BadDataRequestException("Unknown colormap '" + name + "'; known: " + String.join(", ", NAMES));
        }
        return table;
    }

    /** 256 RGB triples. */
    byte[] rgb(String name) throws BadDataRequestException {
        int[] table = argb(name);
        byte[] out = new byte[768];
        for (int i = 0; i < 256; i++) {
            out[3 * i] = (byte) (table[i] >> 16);
            out[3 * i + 1] = (byte) (table[i] >> 8);
            out[3 * i + 2] = (byte) table[i];
        }
        return out;
    }

    private static int[] load(String name) {
        String resource = "/colormaps/" + name + ".txt";
        try (InputStream in = Colormaps.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Colormap table " + resource + " is missing from the bundle");
            }
            int[] table = new int[256];
            int i = 0;
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] rgb = line.trim().split("\\s+");
                table[i++] = 0xff000000 | Integer.parseInt(rgb[0]) << 16 | Integer.parseInt(rgb[1]) << 8
                        | Integer.parseInt(rgb[2]);
            }
            if (i != 256) {
                throw new IllegalStateException("Colormap table " + resource + " has " + i + " entries, not 256");
            }
            return table;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
