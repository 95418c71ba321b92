/**
 * Decoding of the chunk formats of two HDF5 filters that detectors write, in Java and block by block: bitshuffle with
 * LZ4 (filter 32008) and LZ4 (filter 32004). Both frame their data as independently compressed blocks, so a chunk can
 * be decoded on several threads, and a part of it (the rows a zoom needs) without the rest. Shared by the
 * visualization reader (raw chunks read from files) and the live view (frames from the detector stream); see
 * docs/decisions/0029.
 */
package org.datastamp.core.bitshuffle;
