package org.datastamp.portal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.servlet.Servlet;

import org.datastamp.catalog.api.Catalog;
import org.datastamp.doi.api.DoiMetadataFormat;
import org.datastamp.doi.api.DoiMinting;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/** Serves {@link LandingPages} at {@code /doi/*}. */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("datastamp-doi-landing-pages")
@HttpWhiteboardServletPattern("/doi/*")
public class LandingPageServlet extends PortalServlet {

    private static final long serialVersionUID = 1L;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile DoiMinting minting;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile Catalog catalog;

    private final transient List<DoiMetadataFormat> formats = new CopyOnWriteArrayList<>();

    private final transient LandingPages pages = new LandingPages(() -> minting, () -> catalog,
            prefix -> formats.stream().filter(f -> f.metadataPrefix().equals(prefix)).findFirst());

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addFormat(DoiMetadataFormat format) {
        formats.add(format);
    }

    void removeFormat(DoiMetadataFormat format) {
        formats.remove(format);
    }

    @Override
    Answer answer(String path, Map<String, String[]> parameters, String accept) {
        String[] format = parameters.get("format");
        return pages.answer(path, format == null ? "" : format[0], accept);
    }
}
