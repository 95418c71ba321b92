package org.datastamp.core.hdf5;

import java.io.IOException;

/** A libhdf5 call failed; the message holds what was attempted and HDF5's error stack. */
public class Hdf5Exception extends IOException {

    private static final long serialVersionUID = 1L;

    public Hdf5Exception(String message) {
        super(message);
    }

    public Hdf5Exception(String message, Throwable cause) {
        super(message, cause);
    }
}
