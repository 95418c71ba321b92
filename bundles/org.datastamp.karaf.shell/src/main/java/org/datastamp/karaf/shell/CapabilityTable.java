package org.datastamp.karaf.shell;

import java.util.List;

import org.apache.karaf.shell.support.table.ShellTable;
import org.datastamp.core.api.CapabilityInfo;

/** Lays capabilities out in Karaf's table style; separate from the command so it is testable without a shell. */
final class CapabilityTable {

    private CapabilityTable() {
    }

    static ShellTable of(List<CapabilityInfo> capabilities) {
        ShellTable table = new ShellTable();
        table.column("Kind");
        table.column("Id");
        table.column("Name");
        table.column("Bundle");
        table.column("Version");
        table.column("State");
        table.emptyTableText("No capabilities registered");
        for (CapabilityInfo c : capabilities) {
            table.addRow().addContent(c.kind(), c.id(), c.displayName(), c.bundle(), c.bundleVersion(), c.state());
        }
        return table;
    }
}
