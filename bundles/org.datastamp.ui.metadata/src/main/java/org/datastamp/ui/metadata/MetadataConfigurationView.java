package org.datastamp.ui.metadata;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.datastamp.catalog.api.FacilityDirectory;
import org.datastamp.controls.api.ControlSystemConnector;
import org.datastamp.metadata.api.MetadataConfigurations;
import org.datastamp.metadata.api.MetadataSchema;
import org.datastamp.ui.api.ViewContext;
import org.datastamp.ui.api.WorkbenchView;
import org.eclipse.swt.widgets.Composite;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The "Metadata" view: a beamline's scientific metadata configuration (what every scan records), a browser of the
 * variables the control systems offer, and the configuration's history with diff and restore. The view exists while
 * a configuration store does; the facility directory (instruments, who may save), connectors and schemas are
 * optional and may come and go.
 */
@Component(service = WorkbenchView.class)
public class MetadataConfigurationView implements WorkbenchView {

    @Reference
    private MetadataConfigurations configurations;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile FacilityDirectory directory;

    private final List<ControlSystemConnector> connectors = new CopyOnWriteArrayList<>();
    private final List<MetadataSchema> schemas = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addConnector(ControlSystemConnector connector) {
        connectors.add(connector);
    }

    void removeConnector(ControlSystemConnector connector) {
        connectors.remove(connector);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addSchema(MetadataSchema schema) {
        schemas.add(schema);
    }

    void removeSchema(MetadataSchema schema) {
        schemas.remove(schema);
    }

    @Override
    public String id() {
        return "metadata";
    }

    @Override
    public String title() {
        return "Metadata";
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public void createContents(Composite parent, ViewContext context) {
        new MetadataConfigurationPanel(parent, context, new MetadataServices(configurations, () -> directory,
                connectors, schemas)).build();
    }
}
