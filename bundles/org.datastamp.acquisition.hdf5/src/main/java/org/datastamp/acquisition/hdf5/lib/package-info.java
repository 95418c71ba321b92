/**
 * A minimal binding to the HDF Group's libhdf5 (1.10 C API) through the Foreign Function and Memory API: only the
 * calls the scan-file writer makes, each checked. Internal to this bundle (not exported).
 */
package org.datastamp.acquisition.hdf5.lib;
