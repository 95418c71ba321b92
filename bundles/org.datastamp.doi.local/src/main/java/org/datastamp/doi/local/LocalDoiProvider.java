package org.datastamp.doi.local;

import java.io.IOException;
import java.nio.file.Path;

import org.datastamp.core.api.DataDirectory;
import org.datastamp.doi.api.Doi;
import org.datastamp.doi.api.DoiException;
import org.datastamp.doi.api.DoiMetadata;
import org.datastamp.doi.api.DoiProvider;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A DOI provider without a registration agency, for demos and tests: it accepts DOIs under a test prefix and
 * remembers where they point, but nothing outside the platform resolves them. Active without configuration.
 */
@Component(service = DoiProvider.class, configurationPid = LocalDoiProvider.PID)
@Designate(ocd = LocalDoiProvider.Config.class)
public class LocalDoiProvider implements DoiProvider {

    static final String PID = "org.datastamp.doi.local";

    private static final Logger LOG = LoggerFactory.getLogger(LocalDoiProvider.class);

    @ObjectClassDefinition(name = "DataSTaMP local DOI provider",
            description = "Mints DOIs under a test prefix without any registration agency (demos, tests)")
    public @interface Config {

        @AttributeDefinition(description = "DOI prefix to mint under; a test prefix that resolves nowhere")
        String prefix() default "10.80000";

        @AttributeDefinition(description = "Capability id")
        String capabilityId() default "local-doi";

        @AttributeDefinition(description = "Name shown to users")
        String displayName() default "Local DOIs (test prefix, not resolvable)";
    }

    private final String prefix;
    private final String capabilityId;
    private final String displayName;
    private final LocalRegistrations registrations;

    @Activate
    public LocalDoiProvider(Config config, BundleContext context) throws IOException {
        this(config.prefix(), config.capabilityId(), config.displayName(), DataDirectory.fromProperty(
                context.getProperty(DataDirectory.PROPERTY)).root().resolve("doi").resolve("local-dois.properties"));
        LOG.info("Local DOI provider {} ready: prefix {} (test DOIs, resolvable nowhere)", capabilityId, prefix);
    }

    LocalDoiProvider(String prefix, String capabilityId, String displayName, Path registrationsFile)
            throws IOException {
        if (prefix == null || !prefix.strip().matches("10\\.\\d{4,9}")) {
            throw new IllegalArgumentException("Local DOI prefix '" + prefix + "' is not a DOI prefix such as 10.80000");
        }
        this.prefix = prefix.strip();
        this.capabilityId = capabilityId;
        this.displayName = displayName;
        this.registrations = new LocalRegistrations(registrationsFile);
    }

    @Override
    public String capabilityId() {
        return capabilityId;
    }

    @Override
    public String displayName() {
        return displayName;
    }

    @Override
    public String prefix() {
        return prefix;
    }

    @Override
    public void register(Doi doi, DoiMetadata metadata) throws DoiException {
        check(doi, metadata);
        store(doi, metadata);
        LOG.info("{}: registered {} -> {}", capabilityId, doi.value(), metadata.landingPage());
    }

    @Override
    public void update(Doi doi, DoiMetadata metadata) throws DoiException {
        check(doi, metadata);
        if (registrations.url(doi.value()).isEmpty()) {
            throw new DoiException("DOI " + doi.value() + " was never registered with " + capabilityId);
        }
        store(doi, metadata);
    }

    /** Where the DOI points, if registered here. */
    java.util.Optional<String> resolve(Doi doi) {
        return registrations.url(doi.value());
    }

    private void check(Doi doi, DoiMetadata metadata) throws DoiException {
        if (!doi.value().startsWith(prefix + "/")) {
            throw new DoiException("DOI " + doi.value() + " is not under the local test prefix " + prefix);
        }
        if (metadata.landingPage().isBlank()) {
            throw new DoiException("DOI " + doi.value() + " needs a landing page URL");
        }
    }

    private void store(Doi doi, DoiMetadata metadata) throws DoiException {
        try {
            registrations.put(doi.value(), metadata.landingPage());
        } catch (IOException e) {
            throw new DoiException("Could not record local DOI " + doi.value() + ": " + e.getMessage(), e);
        }
    }
}
