"""Makes the visualization benchmark's file: a 100-frame stack of 4096 x 4096 uint32 pixels, bitshuffle/LZ4 (filter
32008) chunked per frame, with Poisson counts like make-eiger-frames.py (diffuse ring background, Bragg-like spots,
module gaps at 2^32-1). Ten distinct frames are computed and their compressed chunks stored cyclically
(write_direct_chunk), which keeps the file realistic for reading and quick to make.
Also writes frame-0.chunk (one compressed frame, for the live-view figure).   Usage: python3 make-visualization-stack.py <dir>"""
import os, sys
import h5py, hdf5plugin, numpy

out = sys.argv[1]
n, h, w, distinct = 100, 4096, 4096, 10
os.makedirs(out, exist_ok=True)
rng = numpy.random.default_rng(6)
y, x = numpy.mgrid[0:h, 0:w]
r = numpy.hypot(y - h / 2, x - w / 2)
background = 2.0 + 8.0 * numpy.exp(-(r / 1200.0) ** 2) + 3.0 * numpy.exp(-((r - 1600.0) / 60.0) ** 2)
chunks = []
with h5py.File(os.path.join(out, 'scratch.h5'), 'w') as f:
    d = f.create_dataset('d', shape=(1, h, w), dtype='<u4', chunks=(1, h, w), **hdf5plugin.Bitshuffle(nelems=0, cname='lz4'))
    for i in range(distinct):
        frame = rng.poisson(background).astype('<u4')
        for sy, sx, peak in zip(rng.integers(2, h - 2, 1500), rng.integers(2, w - 2, 1500), rng.integers(50, 5000, 1500)):
            frame[sy - 1:sy + 2, sx - 1:sx + 2] += rng.poisson(peak / 4.0, (3, 3)).astype('<u4')
        frame[:, 2040:2056] = 0xFFFFFFFF
        frame[1024:1062, :] = 0xFFFFFFFF
        d[0] = frame
        chunks.append(d.id.read_direct_chunk((0, 0, 0))[1])
os.remove(os.path.join(out, 'scratch.h5'))
with h5py.File(os.path.join(out, 'stack.nxs'), 'w') as f:
    f.attrs['default'] = 'entry'
    e = f.create_group('entry'); e.attrs['NX_class'] = 'NXentry'; e.attrs['default'] = 'data'
    g = e.create_group('data'); g.attrs['NX_class'] = 'NXdata'; g.attrs['signal'] = 'data'
    d = g.create_dataset('data', shape=(n, h, w), dtype='<u4', chunks=(1, h, w), **hdf5plugin.Bitshuffle(nelems=0, cname='lz4'))
    for i in range(n):
        d.id.write_direct_chunk((i, 0, 0), chunks[i % distinct])
open(os.path.join(out, 'frame-0.chunk'), 'wb').write(chunks[0])
print('frames=%d size=%dx%d ratio=%.2f' % (n, h, w, h * w * 4 * distinct / sum(len(c) for c in chunks)))
