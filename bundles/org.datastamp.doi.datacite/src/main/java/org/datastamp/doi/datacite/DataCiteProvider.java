package org.datastamp.doi.datacite;

import java.net.http.HttpClient;

import org.datastamp.doi.api.Doi;
import org.datastamp.doi.api.DoiException;
import org.datastamp.doi.api.DoiMetadata;
import org.datastamp.doi.api.DoiProvider;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mints DOIs with DataCite: one instance per factory configuration (one per repository account). Metadata is
 * written as DataCite XML and checked against DataCite's schema before anything is sent.
 */
@Component(service = DoiProvider.class, configurationPid = DataCiteProvider.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = DataCiteProvider.Config.class, factory = true)
public class DataCiteProvider implements DoiProvider {

    static final String PID = "org.datastamp.doi.datacite";

    private static final Logger LOG = LoggerFactory.getLogger(DataCiteProvider.class);

    @ObjectClassDefinition(name = "DataSTaMP DataCite DOI provider",
            description = "Registers DOIs for published data with a DataCite repository account")
    public @interface Config {

        @AttributeDefinition(description = "DataCite REST API: https://api.test.datacite.org (test) or"
                + " https://api.datacite.org (production)")
        String apiUrl() default "https://api.test.datacite.org";

        @AttributeDefinition(description = "Repository account id (Basic auth user), e.g. MAXIV.DATA")
        String repositoryId();

        @AttributeDefinition(description = "File holding the repository password (first line), readable only by"
                + " the platform")
        String passwordFile();

        @AttributeDefinition(description = "DOI prefix of the repository, e.g. 10.80512")
        String prefix();

        @AttributeDefinition(description = "Longest wait for one answer of the API (seconds)")
        double timeoutSeconds() default 30;

        @AttributeDefinition(description = "Capability id, unique among DOI providers")
        String capabilityId() default "datacite";

        @AttributeDefinition(description = "Name shown to users")
        String displayName() default "DataCite";
    }

    private final DataCiteSettings settings;
    private final DataCiteClient client;
    private final DataCiteSchema schema = DataCiteSchema.load(DataCiteSchema.KERNEL);

    @Activate
    public DataCiteProvider(Config config) {
        this(DataCiteSettings.from(config), null);
        LOG.info("DataCite DOI provider {} ready: {}", settings.capabilityId(), settings);
    }

    DataCiteProvider(DataCiteSettings settings, HttpClient http) {
        this.settings = settings;
        this.client = new DataCiteClient(settings, http != null ? http
                : HttpClient.newBuilder().connectTimeout(settings.timeout()).build());
    }

    @Override
    public String capabilityId() {
        return settings.capabilityId();
    }

    @Override
    public String displayName() {
        return settings.displayName();
    }

    @Override
    public String prefix() {
        return settings.prefix();
    }

    /**
     * Creates the DOI as a draft, then publishes it. A draft left by an earlier attempt (DataCite: "This DOI has
     * already been taken") is published as it is, with this metadata.
     */
    @Override
    public void register(Doi doi, DoiMetadata metadata) throws DoiException {
        String xml = checkedXml(doi, metadata);
        try {
            client.createDraft(doi, xml, metadata.landingPage());
        } catch (DataCiteRefusal e) {
            if (e.status() != 422 || !e.getMessage().contains("already been taken")) {
                throw e;
            }
            LOG.info("{}: {} exists already at DataCite (an earlier attempt); publishing it", capabilityId(),
                    doi.value());
        }
        client.publish(doi, xml, metadata.landingPage());
        LOG.info("{}: registered {} -> {}", capabilityId(), doi.value(), metadata.landingPage());
    }

    @Override
    public void update(Doi doi, DoiMetadata metadata) throws DoiException {
        client.update(doi, checkedXml(doi, metadata), metadata.landingPage());
        LOG.info("{}: updated {}", capabilityId(), doi.value());
    }

    private String checkedXml(Doi doi, DoiMetadata metadata) throws DoiException {
        if (!doi.value().startsWith(settings.prefix() + "/")) {
            throw new DoiException("DOI " + doi.value() + " is not under this repository's prefix "
                    + settings.prefix());
        }
        if (!metadata.landingPage().startsWith("https://") && !metadata.landingPage().startsWith("http://")) {
            throw new DoiException("DOI " + doi.value() + " needs a landing page URL to resolve to, got '"
                    + metadata.landingPage() + "'");
        }
        String xml = DataCiteXml.document(doi, metadata);
        schema.validate(xml);
        return xml;
    }
}
