package org.datastamp.ui.logbook;

import org.datastamp.catalog.api.FacilityDirectory;
import org.datastamp.ui.api.ViewContext;
import org.datastamp.ui.api.WorkbenchView;
import org.datastamp.useroffice.api.UserOffice;
import org.eclipse.swt.widgets.Composite;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The "Mail-in" view for beamline staff: the open shipments of an instrument, oldest first, and buttons that move the
 * selected one to its next status (received, measured, returned or disposed), each change recorded with the user.
 */
@Component(service = WorkbenchView.class)
public class ShipmentsView implements WorkbenchView {

    @Reference
    private UserOffice userOffice;

    @Reference
    private FacilityDirectory directory;

    @Override
    public String id() {
        return "mail-in";
    }

    @Override
    public String title() {
        return "Mail-in";
    }

    @Override
    public int order() {
        return 45;
    }

    @Override
    public void createContents(Composite parent, ViewContext context) {
        new ShipmentsPanel(parent, context, userOffice, directory).build();
    }
}
