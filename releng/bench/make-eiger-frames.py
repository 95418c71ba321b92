"""Makes a realistic EIGER 4M frame set for the acquisition benchmark: 2167 x 2070 uint32 pixels with Poisson counts
(a diffuse ring-shaped background brighter near the beam, plus Bragg-like spots), compressed by the real bitshuffle/LZ4
HDF5 filter (h5py + hdf5plugin write them, read_direct_chunk returns the stored chunks). Writes chunk-<i>.bin files and
prints the compression ratio.   Usage: python3 make-eiger-frames.py <dir> [frames]"""
import os, sys
import h5py, hdf5plugin, numpy

out, count = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 16
h, w = 2167, 2070
rng = numpy.random.default_rng(4)
y, x = numpy.mgrid[0:h, 0:w]
r = numpy.hypot(y - h / 2, x - w / 2)
background = 2.0 + 8.0 * numpy.exp(-(r / 600.0) ** 2) + 3.0 * numpy.exp(-((r - 800.0) / 40.0) ** 2)
raw_bytes = chunk_bytes = 0
os.makedirs(out, exist_ok=True)
with h5py.File(os.path.join(out, 'reference.h5'), 'w') as f:
    d = f.create_dataset('d', shape=(count, h, w), dtype='<u4', chunks=(1, h, w),
                         **hdf5plugin.Bitshuffle(nelems=0, cname='lz4'))
    for i in range(count):
        frame = rng.poisson(background).astype('<u4')
        for sy, sx, peak in zip(rng.integers(2, h - 2, 400), rng.integers(2, w - 2, 400), rng.integers(50, 5000, 400)):
            frame[sy - 1:sy + 2, sx - 1:sx + 2] += rng.poisson(peak / 4.0, (3, 3)).astype('<u4')
        frame[:, 1030:1040] = 0xFFFFFFFF   # module gap, masked as EIGER does
        frame[512:550, :] = 0xFFFFFFFF
        d[i] = frame
        mask, chunk = d.id.read_direct_chunk((i, 0, 0))
        open(os.path.join(out, 'chunk-%d.bin' % i), 'wb').write(chunk)
        raw_bytes += frame.nbytes
        chunk_bytes += len(chunk)
os.remove(os.path.join(out, 'reference.h5'))
print('frames=%d ratio=%.2f mean_chunk_bytes=%d' % (count, raw_bytes / chunk_bytes, chunk_bytes // count))
