package org.datastamp.ui.catalog;

import java.util.List;
import java.util.Locale;

import org.datastamp.core.api.CapabilityInfo;
import org.datastamp.core.api.CapabilityRegistry;
import org.datastamp.ui.api.ViewContext;
import org.datastamp.ui.api.WorkbenchView;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The capabilities registered now: detectors, control systems, storage tiers, catalogues... with the bundle that
 * provides each. Follows the registry live, so a plugin dropped into the running platform shows up in every open
 * browser. The view exists only while a capability registry does.
 */
@Component(service = WorkbenchView.class)
public class CapabilitiesView implements WorkbenchView {

    private static final Logger LOG = LoggerFactory.getLogger(CapabilitiesView.class);

    static final String ROW_CLASS = "datastamp-capability-row";

    @Reference
    private CapabilityRegistry registry;

    @Override
    public String id() {
        return "capabilities";
    }

    @Override
    public String title() {
        return "Capabilities";
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public void createContents(Composite parent, ViewContext context) {
        parent.setLayout(new GridLayout(1, false));
        Label summary = new Label(parent, SWT.NONE);
        summary.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        context.setTestId(summary, "capabilities-summary");
        Table table = Tables.create(parent, SWT.SINGLE, true,
                new String[] {"Kind", "Id", "Name", "Bundle", "Version", "State"},
                new int[] {130, 180, 280, 260, 170, 80});
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        context.setTestId(table, "capabilities-table");

        show(registry.capabilities(), summary, table);
        AutoCloseable subscription = registry.onChange(
                capabilities -> context.asyncExec(() -> show(capabilities, summary, table)));
        parent.addDisposeListener(event -> {
            try {
                subscription.close();
            } catch (Exception e) {
                LOG.warn("Could not stop following the capability registry for a closed view", e);
            }
        });
    }

    private static void show(List<CapabilityInfo> capabilities, Label summary, Table table) {
        summary.setText(capabilities.size() + " capabilities registered");
        Tables.fill(table, capabilities.stream().map(CapabilitiesView::row).toList());
        summary.getParent().layout(true, true);
    }

    static String[] row(CapabilityInfo info) {
        String kind = info.kind().name().toLowerCase(Locale.ROOT).replace('_', '-');
        return new String[] {
            Markup.escape(info.kind().name()),
            Markup.rowAnchor(ROW_CLASS, "capability-" + kind + "-" + info.id(), info.id()),
            Markup.escape(info.displayName()),
            Markup.escape(info.bundle()),
            Markup.escape(info.bundleVersion()),
            Markup.escape(info.state().name())};
    }
}
