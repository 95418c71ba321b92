package org.datastamp.metadata.git;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.datastamp.catalog.api.UnitConverter;
import org.datastamp.catalog.api.UnknownUnitException;
import org.datastamp.core.api.DataDirectory;
import org.datastamp.metadata.api.ConfigurationRevision;
import org.datastamp.metadata.api.MetadataConfiguration;
import org.datastamp.metadata.api.MetadataConfigurationException;
import org.datastamp.metadata.api.MetadataConfigurations;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The beamlines' metadata configurations, kept in a Git repository under {@code <data dir>/metadata-config} (one CSV
 * file per instrument, a commit per save). With a shared repository configured, an empty folder is cloned from it
 * on first start and {@link #pull()} brings in what a partner site or the facility saved there.
 */
@Component(service = MetadataConfigurations.class, configurationPid = GitMetadataConfigurations.PID)
@Designate(ocd = GitMetadataConfigurations.Config.class)
public class GitMetadataConfigurations implements MetadataConfigurations {

    static final String PID = "org.datastamp.metadata.git";

    private static final Logger LOG = LoggerFactory.getLogger(GitMetadataConfigurations.class);

    @ObjectClassDefinition(name = "DataSTaMP metadata configuration (Git)",
            description = "Per-beamline scientific metadata configuration with its history in a Git repository")
    public @interface Config {

        @AttributeDefinition(description = "Repository folder; empty means <datastamp.data.dir>/metadata-config. A"
                + " relative path is resolved against the data directory")
        String repository() default "";

        @AttributeDefinition(description = "URL of a shared configuration repository (e.g. a partner site's). Cloned"
                + " when the folder is empty, pulled on request; empty for a local repository only")
        String remoteUrl() default "";

        @AttributeDefinition(description = "Branch holding the configurations")
        String branch() default "main";
    }

    private final GitConfigurationStore store;

    @Activate
    public GitMetadataConfigurations(@Reference UnitConverter units, Config config, BundleContext context)
            throws MetadataConfigurationException {
        DataDirectory data = DataDirectory.fromProperty(context.getProperty(DataDirectory.PROPERTY));
        Path folder = config.repository().isBlank() ? data.root().resolve("metadata-config")
                : data.root().resolve(config.repository());
        this.store = GitConfigurationStore.open(folder, config.remoteUrl().strip(), config.branch().strip(),
                new ConfigurationCsv(unit -> problem(units, unit)));
        LOG.info("Metadata configurations in Git repository {}{}", folder,
                config.remoteUrl().isBlank() ? "" : " shared with " + config.remoteUrl());
    }

    /** A unit is accepted when the catalogue's unit converter (which converts the recorded values) can parse it. */
    static Optional<String> problem(UnitConverter units, String unit) {
        try {
            units.normalize(1, unit);
            return Optional.empty();
        } catch (UnknownUnitException e) {
            return Optional.of(e.getMessage());
        }
    }

    @Deactivate
    void deactivate() {
        store.close();
    }

    @Override
    public List<String> instruments() throws MetadataConfigurationException {
        return store.instruments();
    }

    @Override
    public MetadataConfiguration current(String instrument) throws MetadataConfigurationException {
        return store.current(instrument);
    }

    @Override
    public ConfigurationRevision save(MetadataConfiguration configuration, String author, String message)
            throws MetadataConfigurationException {
        ConfigurationRevision revision = store.save(configuration, author, message);
        LOG.info("Metadata configuration of {} at revision {} (saved by {})", configuration.instrument(),
                revision.id(), author);
        return revision;
    }

    @Override
    public List<ConfigurationRevision> history(String instrument) throws MetadataConfigurationException {
        return store.history(instrument);
    }

    @Override
    public MetadataConfiguration at(String instrument, String revisionId) throws MetadataConfigurationException {
        return store.at(instrument, revisionId);
    }

    @Override
    public String diff(String instrument, String fromRevisionId, String toRevisionId)
            throws MetadataConfigurationException {
        return store.diff(instrument, fromRevisionId, toRevisionId);
    }

    @Override
    public ConfigurationRevision restore(String instrument, String revisionId, String author)
            throws MetadataConfigurationException {
        ConfigurationRevision revision = store.restore(instrument, revisionId, author);
        LOG.info("Metadata configuration of {} restored from {} as revision {} by {}", instrument, revisionId,
                revision.id(), author);
        return revision;
    }

    @Override
    public List<String> pull() throws MetadataConfigurationException {
        List<String> changed = store.pull();
        LOG.info("Pulled shared metadata configurations; changed: {}", changed);
        return changed;
    }
}
