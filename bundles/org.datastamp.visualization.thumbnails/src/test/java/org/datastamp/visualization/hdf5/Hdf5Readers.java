package org.datastamp.visualization.hdf5;

import java.io.IOException;
import java.lang.reflect.Proxy;

import org.datastamp.core.hdf5.LibraryLocator;
import org.datastamp.visualization.api.DataFileReader;

/** Opens the real HDF5 reader with its default settings for other bundles' tests (its setup is package-private). */
public final class Hdf5Readers {

    private Hdf5Readers() {
    }

    public static DataFileReader withDefaults() throws IOException {
        Hdf5DataFileReader.Config defaults = (Hdf5DataFileReader.Config) Proxy.newProxyInstance(
                Hdf5Readers.class.getClassLoader(), new Class<?>[] {Hdf5DataFileReader.Config.class},
                (proxy, method, args) -> method.getDefaultValue());
        Hdf5DataFileReader reader = new Hdf5DataFileReader();
        reader.activate(defaults);
        return reader;
    }
}
