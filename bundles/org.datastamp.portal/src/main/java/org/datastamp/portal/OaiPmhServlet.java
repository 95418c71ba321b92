package org.datastamp.portal;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.servlet.Servlet;

import org.datastamp.catalog.api.Catalog;
import org.datastamp.catalog.api.FacilityDirectory;
import org.datastamp.doi.api.DoiMetadataFormat;
import org.datastamp.doi.api.DoiMinting;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Serves {@link OaiPmh} at {@code /oai} (GET and POST, as the protocol allows). The technique sets follow the PaNOSC
 * API's {@code techniqueMapping} (configuration {@code org.datastamp.portal.panosc}, read here too), so both endpoints
 * name a technique by the same PaNET class.
 */
@Component(service = Servlet.class, configurationPid = {OaiPmhServlet.PID, PanoscServlet.PID})
@Designate(ocd = OaiPmhServlet.Config.class)
@HttpWhiteboardServletName("datastamp-oai-pmh")
@HttpWhiteboardServletPattern("/oai")
public class OaiPmhServlet extends PortalServlet {

    static final String PID = "org.datastamp.portal.oai";
    private static final long serialVersionUID = 1L;

    @ObjectClassDefinition(name = "DataSTaMP OAI-PMH endpoint", description = "What harvesters are told")
    public @interface Config {

        @AttributeDefinition(description = "Repository name shown by Identify")
        String repositoryName() default "DataSTaMP open data";

        @AttributeDefinition(description = "Public URL of this endpoint")
        String baseUrl() default "http://localhost:8080/oai";

        @AttributeDefinition(description = "E-mail address of the repository's operators")
        String adminEmail() default "data-office@example.org";

        @AttributeDefinition(description = "Records per page of ListRecords/ListIdentifiers (resumption tokens beyond)")
        int pageSize() default 100;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile DoiMinting minting;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile Catalog catalog;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile FacilityDirectory directory;

    private final transient List<DoiMetadataFormat> formats = new CopyOnWriteArrayList<>();
    private final transient OaiPmh oai;

    /** Fails (SCR logs why) when techniqueMapping names an id PaNET lacks, as the PaNOSC servlet does. */
    @Activate
    public OaiPmhServlet(Config config, Map<String, Object> properties) {
        Object value = properties.get("techniqueMapping");
        String mapping = value instanceof String[] pairs ? String.join(",", pairs) : value == null ? "" : value.toString();
        oai = new OaiPmh(new OaiPmh.Settings(config.repositoryName(), config.baseUrl(), config.adminEmail(),
                Math.max(1, config.pageSize())), () -> minting, () -> catalog, () -> directory,
                PanetTechniques.standard(mapping), () -> List.copyOf(formats),
                Clock.systemUTC());
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addFormat(DoiMetadataFormat format) {
        formats.add(format);
    }

    void removeFormat(DoiMetadataFormat format) {
        formats.remove(format);
    }

    @Override
    boolean allowsPost() {
        return true;
    }

    @Override
    Answer answer(String path, Map<String, String[]> parameters, String accept) {
        return oai.answer(parameters);
    }
}
