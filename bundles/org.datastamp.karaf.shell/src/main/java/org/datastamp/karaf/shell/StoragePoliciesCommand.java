package org.datastamp.karaf.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.datastamp.storage.api.PolicyStatus;
import org.datastamp.storage.api.StorageLifecycle;

/** {@code datastamp:storage-policies}: each lifecycle policy, valid or refused, with what its last round did. */
@Service
@Command(scope = "datastamp", name = "storage-policies",
        description = "Lists the storage lifecycle policies: rule or validation error, datasets, pending steps")
public class StoragePoliciesCommand implements Action {

    @Reference(optional = true)
    private StorageLifecycle lifecycle;

    @Override
    public Object execute() throws Exception {
        ShellTable table = new ShellTable();
        table.column("Policy");
        table.column("Valid");
        table.column("Datasets");
        table.column("Pending");
        table.column("Last round");
        table.column("Rule or error").maxSize(100).wrap();
        for (PolicyStatus p : require(lifecycle).policies()) {
            table.addRow().addContent(p.name(), p.valid() ? "yes" : "NO", p.datasets(), p.pendingSteps(),
                    p.lastRound() == null ? "-" : p.lastRound(),
                    p.lastError().isEmpty() ? p.summary() : p.summary() + " | last error: " + p.lastError());
        }
        table.print(System.out);
        return null;
    }

    static StorageLifecycle require(StorageLifecycle lifecycle) {
        if (lifecycle == null) {
            throw new IllegalStateException("The storage lifecycle service is not running; check that bundle"
                    + " org.datastamp.storage.lifecycle is active (feature datastamp-storage-lifecycle)");
        }
        return lifecycle;
    }
}
