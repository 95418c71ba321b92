"""Makes the azimuthal integration benchmark's input: an EIGER 4M-like NXmx file (2167 x 2070 uint32 frames, 75 um
pixels, beam off-centre, 2 m, 1 angstrom) with Poisson counts of SAXS-like rings over a falling background, module gaps
set to the invalid marker 2^32-1, stored one frame per bitshuffle/LZ4 chunk as the scan writer stores them
(rings_bslz4.nxs) and uncompressed (rings_raw.nxs). A few distinct frames are repeated to keep this script quick.
Usage: python3 make-azimuthal-stack.py <dir> [frames]"""
import os, sys
import h5py, hdf5plugin, numpy

out, count = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 40
h, w, bx, by, px, dist, wl = 2167, 2070, 1020.3, 1100.7, 75e-6, 2.0, 1e-10
rng = numpy.random.default_rng(9)
y, x = numpy.mgrid[0:h, 0:w]
r = numpy.hypot((x + 0.5 - bx) * px, (y + 0.5 - by) * px)
q = 4 * numpy.pi / wl * numpy.sin(0.5 * numpy.arctan2(r, dist)) * 1e-9
expected = 5 + 200 * numpy.exp(-q / 0.3) + sum(a * numpy.exp(-(q - c) ** 2 / (2 * 0.01 ** 2))
                                               for c, a in ((0.8, 60), (1.6, 30), (2.4, 15)))
distinct = [rng.poisson(expected).astype('<u4') for _ in range(min(4, count))]
for f in distinct:
    f[:, 1030:1040] = 0xFFFFFFFF
    f[512:550, :] = 0xFFFFFFFF
os.makedirs(out, exist_ok=True)
for name, filters in (('rings_bslz4.nxs', hdf5plugin.Bitshuffle(nelems=0, cname='lz4')), ('rings_raw.nxs', {})):
    with h5py.File(os.path.join(out, name), 'w') as f:
        f.attrs['default'] = 'entry'
        e = f.create_group('entry'); e.attrs['NX_class'] = 'NXentry'; e.attrs['default'] = 'data'
        e['definition'] = 'NXmx'
        i = e.create_group('instrument'); i.attrs['NX_class'] = 'NXinstrument'
        det = i.create_group('detector'); det.attrs['NX_class'] = 'NXdetector'
        for field, value, unit in (('distance', dist * 1e3, 'mm'), ('beam_center_x', bx, 'pixel'),
                                   ('beam_center_y', by, 'pixel'), ('x_pixel_size', 75.0, 'um'),
                                   ('y_pixel_size', 75.0, 'um')):
            det[field] = value; det[field].attrs['units'] = unit
        beam = i.create_group('beam'); beam.attrs['NX_class'] = 'NXbeam'
        beam['incident_wavelength'] = 1.0; beam['incident_wavelength'].attrs['units'] = 'angstrom'
        d = e.create_group('data'); d.attrs['NX_class'] = 'NXdata'; d.attrs['signal'] = 'data'
        ds = d.create_dataset('data', shape=(count, h, w), dtype='<u4', chunks=(1, h, w), **filters)
        for k in range(count):
            ds[k] = distinct[k % len(distinct)]
print('frames=%d size=%dx%d bslz4_bytes=%d raw_bytes=%d' % (count, w, h,
      os.path.getsize(os.path.join(out, 'rings_bslz4.nxs')), os.path.getsize(os.path.join(out, 'rings_raw.nxs'))))
