package org.datastamp.analytics.azimuthal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.datastamp.visualization.api.DataFileReader;

/**
 * Writes NeXus files of synthetic detector images through h5py and hdf5plugin (what scientists use): Gaussian rings
 * at known q over a flat background, computed for a known geometry with the beam off-centre and non-square pixels,
 * stored as our scan writer stores EIGER frames (uint32, one bitshuffle/LZ4 chunk per frame). A missing tool fails
 * the test, never skips it.
 */
final class SyntheticScans {

    static final int WIDTH = 200;
    static final int HEIGHT = 150;
    static final double BEAM_X = 70.3;
    static final double BEAM_Y = 40.7;
    /** Metres. */
    static final double PIXEL_X = 172e-6;
    static final double PIXEL_Y = 200e-6;
    static final double DISTANCE = 1.5;
    static final double WAVELENGTH = 1.0e-10;
    /** Ring positions, 1/nm. */
    static final double RING_1 = 0.45;
    static final double RING_2 = 0.95;
    static final double HOT = 4_000_000_000.0;

    private static final String SCRIPT = String.join("\n",
            "import sys, json, h5py, hdf5plugin, numpy as np",
            "o = json.loads(sys.argv[2])",
            "h, w, n = o['height'], o['width'], o['frames']",
            "y, x = np.mgrid[0:h, 0:w]",
            "dx = (x + 0.5 - o['bx']) * o['px']; dy = (y + 0.5 - o['by']) * o['py']",
            "q = 4 * np.pi / o['wl'] * np.sin(0.5 * np.arctan2(np.hypot(dx, dy), o['d'])) * 1e-9",
            "rings = np.exp(-(q - o['r1']) ** 2 / (2 * 0.02 ** 2)) + 0.6 * np.exp(-(q - o['r2']) ** 2 / (2 * 0.02 ** 2))",
            "mask = np.zeros((h, w), dtype='<u4'); mask[100:110, 150:170] = 1; mask[:, 0] = 1",
            "stack = np.empty((n, h, w), dtype='<u4')",
            "for f in range(n):",
            "    img = np.rint(10 + 1000 * (f + 1) * rings).astype('<u4')",
            "    if o['hot']: img[mask == 1] = " + (long) HOT,
            "    img[5, 5:25] = 0xFFFFFFFF",
            "    stack[f] = img",
            "data = stack if o['stacked'] else stack[0]",
            "chunks = (1, h, w) if o['stacked'] else (h, w)",
            "def frames(parent, name):",
            "    if o['rank1']: parent.create_dataset(name, data=np.arange(100, dtype='<u4'))",
            "    else: parent.create_dataset(name, data=data, chunks=chunks, **hdf5plugin.Bitshuffle(nelems=0, cname='lz4'))",
            "path = sys.argv[1]",
            "f = h5py.File(path, 'w'); f.attrs['default'] = 'entry'",
            "e = f.create_group('entry'); e.attrs['NX_class'] = 'NXentry'; e.attrs['default'] = 'data'",
            "e['definition'] = 'NXmx'; e['title'] = 'rings'",
            "if o['geometry']:",
            "    i = e.create_group('instrument'); i.attrs['NX_class'] = 'NXinstrument'",
            "    det = i.create_group('detector'); det.attrs['NX_class'] = 'NXdetector'",
            "    def num(g, name, v, u): g[name] = v; g[name].attrs['units'] = u",
            "    num(det, 'distance', o['d'] * 1000, 'mm')",
            "    num(det, 'beam_center_x', o['bx'], 'pixel')",
            "    num(det, 'beam_center_y', o['by'] * o['py'] * 1000, 'mm')",
            "    num(det, 'x_pixel_size', o['px'] * 1e6, 'um')",
            "    num(det, 'y_pixel_size', o['py'], 'm')",
            "    if o['mask']: det['pixel_mask'] = mask",
            "    if o['energy']:",
            "        m = i.create_group('monochromator'); m.attrs['NX_class'] = 'NXmonochromator'",
            "        num(m, 'energy', 12.398419843320026 / (o['wl'] * 1e10), 'keV')",
            "    else:",
            "        b = i.create_group('beam'); b.attrs['NX_class'] = 'NXbeam'",
            "        num(b, 'incident_wavelength', o['wl'] * 1e10, 'angstrom')",
            "e['custom_mask'] = mask",
            "d = e.create_group('data'); d.attrs['NX_class'] = 'NXdata'; d.attrs['signal'] = 'data'",
            "if o['external']:",
            "    dpath = path.replace('.nxs', '_data_000001.h5')",
            "    g = h5py.File(dpath, 'w'); ge = g.create_group('entry'); gd = ge.create_group('data')",
            "    ge.attrs['NX_class'] = 'NXentry'; gd.attrs['NX_class'] = 'NXdata'; gd.attrs['signal'] = 'data'",
            "    frames(gd, 'data'); g.close()",
            "    d['data'] = h5py.ExternalLink(dpath.split('/')[-1], '/entry/data/data')",
            "else:",
            "    frames(d, 'data')",
            "f.close()");

    /** What to put in a file. */
    record Options(int frames, boolean stacked, boolean geometry, boolean mask, boolean hot, boolean energy,
            boolean external, boolean rank1) {

        static Options standard() {
            return new Options(3, true, true, true, false, false, false, false);
        }

        Options frames(int n) {
            return new Options(n, stacked, geometry, mask, hot, energy, external, rank1);
        }

        Options single() {
            return new Options(1, false, geometry, mask, hot, energy, external, rank1);
        }

        Options noGeometry() {
            return new Options(frames, stacked, false, mask, hot, energy, external, rank1);
        }

        Options withHot() {
            return new Options(frames, stacked, geometry, mask, true, energy, external, rank1);
        }

        Options noMask() {
            return new Options(frames, stacked, geometry, false, hot, energy, external, rank1);
        }

        Options withEnergy() {
            return new Options(frames, stacked, geometry, mask, hot, true, external, rank1);
        }

        Options withExternal() {
            return new Options(frames, stacked, geometry, mask, hot, energy, true, rank1);
        }

        Options oneDimensional() {
            return new Options(frames, stacked, geometry, mask, hot, energy, external, true);
        }
    }

    private SyntheticScans() {
    }

    /** Writes {@code file} (and for {@link Options#external} its data file beside it). */
    static Path write(Path file, Options o) throws IOException, InterruptedException {
        String json = String.format(java.util.Locale.ROOT, "{\"height\": %d, \"width\": %d, \"frames\": %d,"
                + " \"bx\": %s, \"by\": %s, \"px\": %s, \"py\": %s, \"d\": %s, \"wl\": %s, \"r1\": %s, \"r2\": %s,"
                + " \"stacked\": %s, \"geometry\": %s, \"mask\": %s, \"hot\": %s, \"energy\": %s, \"external\": %s,"
                + " \"rank1\": %s}", HEIGHT, WIDTH, o.frames(), BEAM_X, BEAM_Y, PIXEL_X, PIXEL_Y, DISTANCE,
                WAVELENGTH, RING_1, RING_2, py(o.stacked()), py(o.geometry()), py(o.mask()), py(o.hot()),
                py(o.energy()), py(o.external()), py(o.rank1()));
        python(SCRIPT, file.toString(), json);
        return file;
    }

    private static String py(boolean b) {
        return b ? "true" : "false";
    }

    /** Runs a Python script with Debian's python3 (h5py, hdf5plugin); returns its output, fails on an error. */
    static String python(String script, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("/usr/bin/python3", "-c", script));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(120, TimeUnit.SECONDS);
        assertEquals(0, p.exitValue(), "python3 with h5py/hdf5plugin failed (apt-get install python3-h5py"
                + " python3-hdf5plugin hdf5-filter-plugin bitshuffle):\n" + output);
        return output;
    }

    /** The platform's HDF5 reader (libhdf5 through FFM, frames decoded in Java), activated as SCR would. */
    static DataFileReader reader() throws Exception {
        Class<?> type = Class.forName("org.datastamp.visualization.hdf5.Hdf5DataFileReader");
        Class<?> config = Class.forName("org.datastamp.visualization.hdf5.Hdf5DataFileReader$Config");
        Object settings = Proxy.newProxyInstance(config.getClassLoader(), new Class<?>[] {config},
                (p, m, a) -> m.getName().equals("annotationType") ? config : m.getDefaultValue());
        Object reader = type.getConstructor().newInstance();
        Method activate = type.getDeclaredMethod("activate", config);
        activate.setAccessible(true);
        activate.invoke(reader, settings);
        return (DataFileReader) reader;
    }
}
