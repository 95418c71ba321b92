/**
 * A small binding to the HDF Group's libhdf5 (1.10 C API) through the Foreign Function and Memory API, shared by the
 * scan-file writer and the visualization reader: only the calls they make, each checked, all under one lock (the
 * serial libhdf5 is not thread-safe). Not a public API of the platform: it is exported for those two bundles only and
 * follows libhdf5's own naming; see docs/decisions/0013 and 0017.
 */
package org.datastamp.core.hdf5;
