package org.datastamp.storage.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;

import org.datastamp.storage.api.Capacity;
import org.datastamp.storage.api.MonthlyIngest;
import org.datastamp.storage.api.PlanningReport;
import org.datastamp.storage.api.StorageTier;
import org.datastamp.storage.api.TierPlan;
import org.datastamp.storage.api.YearProjection;

/**
 * The planning arithmetic (docs/decisions/0034), apart from where its inputs come from so that it is tested on
 * numbers: constant growth, each new byte kept on the tiers in today's proportions, a year's cost priced at its end,
 * the budget affording the years before the cumulative cost first exceeds the cumulative budget.
 */
final class PlanningModel {

    /** A year of 365.25 days, for rates. */
    static final double YEAR_SECONDS = 365.25 * 24 * 3600;

    /** Prices are per terabyte of 10^12 bytes, as media are sold. */
    static final double TB = 1e12;

    /** What is known of a tier before the arithmetic: from the running backend and the catalogue. */
    record TierInput(String id, StorageTier tier, Capacity capacity, long heldBytes, long datasets, String note) {
    }

    /** The configured prices and budget. */
    record Prices(String currency, double budgetPerYear, Map<String, Double> costPerTbYear) {
        Prices {
            costPerTbYear = Map.copyOf(costPerTbYear);
        }
    }

    private PlanningModel() {
    }

    /**
     * @param now            when the report is made
     * @param windowStart    start of the first month of {@code months}: the growth is their total over the time from
     *                       then until now
     * @param catalogueBytes bytes of datasets with at least one verified copy
     */
    static PlanningReport report(Instant now, Instant windowStart, Prices prices, List<TierInput> tiers,
            long catalogueBytes, List<MonthlyIngest> months) {
        long ingested = months.stream().mapToLong(MonthlyIngest::bytes).sum();
        double span = Math.max(1, Duration.between(windowStart, now).toSeconds());
        long bytesPerYear = Math.round(ingested * YEAR_SECONDS / span);
        long heldTotal = tiers.stream().mapToLong(TierInput::heldBytes).sum();
        double copiesPerByte = catalogueBytes > 0 ? (double) heldTotal / catalogueBytes : 0;

        Map<String, TierPlan> plans = new TreeMap<>();
        for (TierInput t : tiers) {
            double share = catalogueBytes > 0 ? (double) t.heldBytes() / catalogueBytes : 0;
            long growth = Math.round(bytesPerYear * share);
            double price = prices.costPerTbYear().getOrDefault(t.id(), 0.0);
            List<String> notes = new ArrayList<>();
            if (!t.note().isEmpty()) {
                notes.add(t.note());
            }
            if (!prices.costPerTbYear().containsKey(t.id())) {
                notes.add("no price configured (costPerTbYear." + t.id() + ")");
            }
            Instant fullAt = fullAt(now, t.capacity(), growth);
            if (t.capacity() != null && fullAt == null) {
                notes.add(growth == 0 ? "not growing" : "not full within " + PlanningReport.HORIZON_YEARS + " years");
            }
            plans.put(t.id(), new TierPlan(t.id(), t.tier(), t.capacity(), t.heldBytes(), t.datasets(), price,
                    t.heldBytes() / TB * price, growth, fullAt, String.join("; ", notes)));
        }
        double costPerYear = plans.values().stream().mapToDouble(TierPlan::costPerYear).sum();

        List<YearProjection> projection = new ArrayList<>();
        OptionalInt affordable = OptionalInt.empty();
        double cumulative = 0;
        for (int year = 1; year <= PlanningReport.HORIZON_YEARS; year++) {
            long bytes = 0;
            double cost = 0;
            for (TierPlan p : plans.values()) {
                long held = p.heldBytes() + p.growthBytesPerYear() * year;
                bytes += held;
                cost += held / TB * p.costPerTbYear();
            }
            cumulative += cost;
            YearProjection y = new YearProjection(year, bytes, cost, cumulative, prices.budgetPerYear() * year);
            projection.add(y);
            if (y.overBudget()) {
                affordable = OptionalInt.of(year - 1);
                break;
            }
        }
        return new PlanningReport(now, prices.currency(), List.copyOf(plans.values()), months, bytesPerYear,
                catalogueBytes, copiesPerByte, costPerYear, prices.budgetPerYear(), affordable, projection);
    }

    /** When the free space is used up at {@code growth} bytes a year; null when unknown, never, or past the horizon. */
    static Instant fullAt(Instant now, Capacity capacity, long growth) {
        if (capacity == null || growth <= 0) {
            return null;
        }
        double years = (double) (capacity.totalBytes() - capacity.usedBytes()) / growth;
        if (years > PlanningReport.HORIZON_YEARS) {
            return null;
        }
        return now.plusSeconds(Math.round(years * YEAR_SECONDS));
    }
}
