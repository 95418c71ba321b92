package org.datastamp.portal;

import java.util.Map;

import javax.servlet.Servlet;

import org.datastamp.catalog.api.Catalog;
import org.datastamp.catalog.api.DatasetSearch;
import org.datastamp.catalog.api.FacilityDirectory;
import org.datastamp.catalog.api.UnitConverter;
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

/** Serves {@link Panosc} at {@code /api/panosc/*}, for the PaNOSC federated search; anonymous, public data only. */
@Component(service = Servlet.class, configurationPid = PanoscServlet.PID)
@Designate(ocd = PanoscServlet.Config.class)
@HttpWhiteboardServletName("datastamp-panosc-search-api")
@HttpWhiteboardServletPattern("/api/panosc/*")
public class PanoscServlet extends PortalServlet {

    static final String PID = "org.datastamp.portal.panosc";
    private static final long serialVersionUID = 1L;

    @ObjectClassDefinition(name = "DataSTaMP PaNOSC search API", description = "Techniques as PaNET classes")
    public @interface Config {

        @AttributeDefinition(description = "Catalogue technique names mapped to PaNET ids where labels and alternative"
                + " labels do not do it, e.g. SAXS=PaNET01188,MX=PaNET01164 (the OAI-PMH technique sets use it too)")
        String techniqueMapping() default "";
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile Catalog catalog;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile DatasetSearch search;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile FacilityDirectory directory;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile DoiMinting minting;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile UnitConverter units;

    private final transient Panosc panosc;

    /** Fails (the component does not start, SCR logs why) when techniqueMapping names an id PaNET lacks. */
    @Activate
    public PanoscServlet(Config config) {
        panosc = new Panosc(() -> catalog, () -> search, () -> directory, () -> minting, () -> units,
                PanetTechniques.standard(config.techniqueMapping()));
    }

    @Override
    Answer answer(String path, Map<String, String[]> parameters, String accept) {
        return panosc.answer(path, parameters);
    }
}
