package org.datastamp.analytics.azimuthal;

import java.util.List;

import org.datastamp.catalog.api.MetadataEntry;

/**
 * Flat-detector geometry, detector normal to the beam, in SI units except the beam centre.
 *
 * @param distance   sample to detector, m
 * @param wavelength incident wavelength, m
 * @param beamX      where the direct beam hits the detector, in pixels along x (columns); pixel {@code i} spans
 *                   {@code [i, i+1)}, so its centre is at {@code i + 0.5} (the NXmx/DIALS convention)
 * @param beamY      the same along y (rows)
 * @param pixelX     pixel size along x, m
 * @param pixelY     pixel size along y, m (may differ from x)
 */
record Geometry(double distance, double wavelength, double beamX, double beamY, double pixelX, double pixelY) {

    Geometry {
        positive("detector distance", distance);
        positive("wavelength", wavelength);
        positive("x pixel size", pixelX);
        positive("y pixel size", pixelY);
        if (!Double.isFinite(beamX) || !Double.isFinite(beamY)) {
            throw new IllegalArgumentException("The beam centre must be finite, got (" + beamX + ", " + beamY + ")");
        }
    }

    private static void positive(String what, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException("The " + what + " must be positive, got " + value);
        }
    }

    /**
     * The geometry as metadata, in the units scientists quote it in and the catalogue understands: the beam centre as
     * a length on the detector (searchable with units) and in pixels as a plain number ("pixel" is no unit there).
     */
    List<MetadataEntry> metadata() {
        return List.of(new MetadataEntry("detector_distance", distance * 1e3, "mm"),
                new MetadataEntry("wavelength", wavelength * 1e10, "Å"),
                new MetadataEntry("beam_center_x", beamX * pixelX * 1e3, "mm"),
                new MetadataEntry("beam_center_y", beamY * pixelY * 1e3, "mm"),
                new MetadataEntry("beam_center_x_pixels", beamX, ""),
                new MetadataEntry("beam_center_y_pixels", beamY, ""),
                new MetadataEntry("x_pixel_size", pixelX * 1e6, "µm"),
                new MetadataEntry("y_pixel_size", pixelY * 1e6, "µm"));
    }
}
