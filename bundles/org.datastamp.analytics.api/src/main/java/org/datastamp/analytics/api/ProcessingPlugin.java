package org.datastamp.analytics.api;

import java.util.List;

/**
 * An analysis that makes one derived dataset from input datasets (e.g. azimuthal integration of detector images).
 * Registered as an OSGi service; the job service offers every registered plugin and follows them as they come and go.
 * Implementations must be thread-safe: several jobs may run one plugin at once.
 */
public interface ProcessingPlugin {

    /** What the plugin is, its version (recorded in the provenance of everything it makes) and its parameters. */
    PluginDescription description();

    /**
     * Runs the analysis. Reads the inputs from {@link ProcessingContext#inputs()}, writes its files under
     * {@link ProcessingContext#outputDirectory()}, reports progress and stops soon after
     * {@link ProcessingContext#checkCancelled()} throws.
     *
     * @return what was made; the job service catalogues it as a derived dataset of the inputs
     * @throws ProcessingException when the inputs or parameters do not suit the analysis (the message says why)
     */
    ProcessingResult process(ProcessingContext context) throws ProcessingException;

    /** Parameters a plugin that takes none declares. */
    static List<ParameterSpec> noParameters() {
        return List.of();
    }
}
