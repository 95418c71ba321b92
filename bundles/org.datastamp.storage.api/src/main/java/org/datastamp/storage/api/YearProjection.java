package org.datastamp.storage.api;

/**
 * One year of the cost projection of a {@link PlanningReport}, at constant growth.
 *
 * @param year             1 for the year starting now
 * @param bytesHeld        bytes on all tiers at the end of that year (every copy counted)
 * @param cost             keeping them for that year (priced at the year's end, so it errs on the side of cost)
 * @param cumulativeCost   cost of years 1 to {@code year}
 * @param cumulativeBudget budget of years 1 to {@code year}
 */
public record YearProjection(int year, long bytesHeld, double cost, double cumulativeCost, double cumulativeBudget) {

    /** Whether what was spent so far exceeds what was budgeted so far. */
    public boolean overBudget() {
        return cumulativeCost > cumulativeBudget;
    }
}
