package org.datastamp.storage.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Capacity per tier, the catalogue's growth, cost, and the preservation period the budget affords.
 * <p>
 * The model (docs/decisions/0034): ingest keeps growing at {@code bytesPerYear}; each new byte is kept on the tiers
 * in the same proportions as today's verified copies ({@code copiesPerByte} copies in all); a year's cost is
 * Σ tier bytes × tier price at the year's end. The budget affords {@code affordableYears} years: the last year
 * before the cumulative cost exceeds the cumulative budget (unspent budget carries over). Empty means it never does
 * within {@link #HORIZON_YEARS} years ("indefinitely").
 *
 * @param generated        when the report was computed
 * @param currency         currency of every cost and of the budget, e.g. {@code EUR}
 * @param tiers            every running backend and every backend the catalogue records copies on, by id
 * @param months           the ingest of each of the last months, oldest first, the current (partial) month last
 * @param bytesPerYear     growth: bytes ingested per year, from the months' total over their span until now
 * @param catalogueBytes   bytes of the datasets that have at least one verified copy
 * @param copiesPerByte    bytes held on all tiers per catalogue byte (about the copies per dataset); 0 with no copies
 * @param costPerYear      keeping what is held now for a year
 * @param budgetPerYear    configured budget per year; 0 when not configured
 * @param affordableYears  years the budget affords; empty for indefinitely (within the horizon)
 * @param projection       the years of the projection, up to the first over budget or the horizon
 */
public record PlanningReport(Instant generated, String currency, List<TierPlan> tiers, List<MonthlyIngest> months,
        long bytesPerYear, long catalogueBytes, double copiesPerByte, double costPerYear, double budgetPerYear,
        OptionalInt affordableYears, List<YearProjection> projection) {

    /** Years the projection looks ahead. */
    public static final int HORIZON_YEARS = 100;

    public PlanningReport {
        Objects.requireNonNull(generated, "generated");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(affordableYears, "affordableYears");
        tiers = List.copyOf(tiers);
        months = List.copyOf(months);
        projection = List.copyOf(projection);
    }

    /** The preservation period in words: "indefinitely (over 100 years)", "1 year", "12 years". */
    public String preservation() {
        if (affordableYears.isEmpty()) {
            return "indefinitely (over " + HORIZON_YEARS + " years)";
        }
        int years = affordableYears.getAsInt();
        return years + (years == 1 ? " year" : " years");
    }
}
