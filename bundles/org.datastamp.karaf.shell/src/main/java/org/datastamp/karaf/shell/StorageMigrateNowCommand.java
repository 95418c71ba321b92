package org.datastamp.karaf.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.datastamp.storage.api.MigrationSummary;
import org.datastamp.storage.api.StorageLifecycle;

/** {@code datastamp:storage-migrate-now}: one lifecycle round now, waited for, with what it did. */
@Service
@Command(scope = "datastamp", name = "storage-migrate-now",
        description = "Runs the storage lifecycle policies now (copies, moves, releases) and prints what was done")
public class StorageMigrateNowCommand implements Action {

    @Reference(optional = true)
    private StorageLifecycle lifecycle;

    @Override
    public Object execute() throws Exception {
        MigrationSummary summary = StoragePoliciesCommand.require(lifecycle).migrateNow();
        print("Copied and verified", summary.copied());
        print("Released", summary.released());
        print("Waiting", summary.waiting());
        print("Failed", summary.failed());
        return null;
    }

    private static void print(String title, java.util.List<String> lines) {
        System.out.println(title + ": " + lines.size());
        lines.forEach(line -> System.out.println("  " + line));
    }
}
