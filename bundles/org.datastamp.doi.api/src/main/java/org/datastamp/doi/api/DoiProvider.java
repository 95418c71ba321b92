package org.datastamp.doi.api;

import org.datastamp.core.api.Capability;

/** A registration agency (or a local stand-in) that mints DOIs under a prefix. */
public interface DoiProvider extends Capability {

    /** The DOI prefix this provider mints under, e.g. {@code 10.5072}. */
    String prefix();
}
