package org.datastamp.karaf.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.datastamp.catalog.api.DatasetCopy;
import org.datastamp.catalog.api.DatasetId;
import org.datastamp.catalog.api.StorageCopies;

/** {@code datastamp:storage-copies <dataset>}: every copy of a dataset's files, its state and last verification. */
@Service
@Command(scope = "datastamp", name = "storage-copies",
        description = "Lists where the copies of a dataset's files are, their state and when their checksums were"
                + " last verified")
public class StorageCopiesCommand implements Action {

    @Reference(optional = true)
    private StorageCopies copies;

    @Argument(index = 0, name = "dataset", required = true, description = "Dataset id, e.g. ds-...")
    private String dataset;

    @Override
    public Object execute() throws Exception {
        if (copies == null) {
            throw new IllegalStateException("The catalogue does not record storage copies now; check that bundle"
                    + " org.datastamp.catalog.jdbc is active (bundle:list | grep datastamp)");
        }
        List<DatasetCopy> list = copies.copies(new DatasetId(dataset));
        if (list.isEmpty()) {
            System.out.println("No copy of " + dataset + " is recorded (unknown dataset, or the lifecycle engine has"
                    + " not adopted its ingest copy yet)");
            return null;
        }
        ShellTable table = new ShellTable();
        table.column("Backend");
        table.column("State");
        table.column("Format");
        table.column("Key prefix");
        table.column("Checksum verified");
        table.column("Purged");
        for (DatasetCopy c : list) {
            table.addRow().addContent(c.backendId(), c.state(), c.format(), c.keyPrefix(),
                    c.verifiedAt() == null ? "-" : c.verifiedAt(), c.purgedAt() == null ? "-" : c.purgedAt());
        }
        table.print(System.out);
        return null;
    }
}
