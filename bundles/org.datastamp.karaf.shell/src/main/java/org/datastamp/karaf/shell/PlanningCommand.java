package org.datastamp.karaf.shell;

import java.io.PrintStream;
import java.util.Locale;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.datastamp.storage.api.CapacityPlanning;
import org.datastamp.storage.api.MonthlyIngest;
import org.datastamp.storage.api.PlanningReport;
import org.datastamp.storage.api.TierPlan;

/**
 * {@code datastamp:planning}: capacity per tier, the catalogue's growth, cost and the preservation period the budget
 * affords (the same report as {@code GET /api/v1/storage/planning}).
 */
@Service
@Command(scope = "datastamp", name = "planning",
        description = "Storage planning: capacity per tier, growth per month, cost per year and the preservation"
                + " period the budget affords")
public class PlanningCommand implements Action {

    @Reference(optional = true)
    private CapacityPlanning planning;

    @Override
    public Object execute() throws Exception {
        if (planning == null) {
            throw new IllegalStateException("The storage planning service is not running; check that bundle"
                    + " org.datastamp.storage.lifecycle is active and etc/org.datastamp.storage.planning.cfg is valid");
        }
        print(planning.report(), System.out);
        return null;
    }

    /** The report as a table of tiers and a few summary lines; byte counts in TB (10^12 bytes). */
    static void print(PlanningReport r, PrintStream out) {
        ShellTable table = new ShellTable();
        for (String column : new String[] {"Tier", "Medium", "Total TB", "Free TB", "Held TB", "Datasets",
                "Price/TB/yr", "Cost/yr", "Growth TB/yr", "Full at"}) {
            table.column(column);
        }
        table.column("Note").maxSize(60).wrap();
        for (TierPlan t : r.tiers()) {
            table.addRow().addContent(t.id(), t.tier() == null ? "-" : t.tier().name(),
                    t.capacity() == null ? "-" : tb(t.capacity().totalBytes()),
                    t.capacity() == null ? "-" : tb(t.freeBytes()), tb(t.heldBytes()), t.datasets(),
                    money(t.costPerTbYear()), money(t.costPerYear()), tb(t.growthBytesPerYear()),
                    t.fullAt() == null ? "-" : t.fullAt().toString().substring(0, 10), t.note());
        }
        table.print(out, true);
        StringBuilder months = new StringBuilder("Ingest per month (TB):");
        for (MonthlyIngest m : r.months()) {
            months.append(' ').append(m.month()).append(' ').append(tb(m.bytes()));
        }
        out.println(months);
        out.println("Growth: " + tb(r.bytesPerYear()) + " TB/year; catalogue: " + tb(r.catalogueBytes())
                + " TB with a verified copy, " + String.format(Locale.ROOT, "%.2f", r.copiesPerByte())
                + " copies per byte");
        out.println("Cost now: " + money(r.costPerYear()) + " " + r.currency() + "/year; budget: "
                + money(r.budgetPerYear()) + " " + r.currency() + "/year");
        out.println("Preservation period the budget affords: " + r.preservation());
    }

    private static String tb(long bytes) {
        return String.format(Locale.ROOT, "%.2f", bytes / 1e12);
    }

    private static String money(double amount) {
        return String.format(Locale.ROOT, "%.2f", amount);
    }
}
