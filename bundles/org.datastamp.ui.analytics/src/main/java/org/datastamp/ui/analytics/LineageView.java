package org.datastamp.ui.analytics;

import org.datastamp.analytics.api.Provenance;
import org.datastamp.catalog.api.FacilityDirectory;
import org.datastamp.ui.api.ViewContext;
import org.datastamp.ui.api.WorkbenchView;
import org.eclipse.swt.widgets.Composite;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The "Lineage" view: a dataset's lineage graph both ways, inputs to the left and derived datasets to the right,
 * edges labelled with the plugin that made them; a click on a dataset shows its lineage.
 */
@Component(service = WorkbenchView.class)
public class LineageView implements WorkbenchView {

    @Reference
    private Provenance provenance;

    @Reference
    private FacilityDirectory directory;

    @Override
    public String id() {
        return "lineage";
    }

    @Override
    public String title() {
        return "Lineage";
    }

    @Override
    public int order() {
        return 55;
    }

    @Override
    public void createContents(Composite parent, ViewContext context) {
        new LineagePanel(parent, context, provenance, AnalyticsViews.viewer(directory, context.user())).build();
    }
}
