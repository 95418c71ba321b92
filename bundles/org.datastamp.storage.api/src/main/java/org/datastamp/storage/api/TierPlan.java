package org.datastamp.storage.api;

import java.time.Instant;
import java.util.Objects;

/**
 * One tier in a {@link PlanningReport}.
 *
 * @param id                  backend capability id
 * @param tier                its medium; {@code null} when copies are recorded on a backend that is not running now
 * @param capacity            what the backend reports of its medium; {@code null} when it cannot tell (not
 *                            {@link CapacityAware}, or not reachable)
 * @param heldBytes           bytes of the verified copies the catalogue records on it
 * @param datasets            datasets with a verified copy on it
 * @param costPerTbYear       configured price of one terabyte (10^12 bytes) kept for a year; 0 when not configured
 * @param costPerYear         {@code heldBytes} priced for a year
 * @param growthBytesPerYear  bytes this tier is expected to receive per year (the catalogue's growth times this
 *                            tier's share of the copies)
 * @param fullAt              when the medium is full at that growth; {@code null} when unknown or never
 * @param note                what the planner could not know, for the reader; never {@code null}
 */
public record TierPlan(String id, StorageTier tier, Capacity capacity, long heldBytes, long datasets,
        double costPerTbYear, double costPerYear, long growthBytesPerYear, Instant fullAt, String note) {

    public TierPlan {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(note, "note");
        if (heldBytes < 0 || datasets < 0 || growthBytesPerYear < 0 || costPerTbYear < 0) {
            throw new IllegalArgumentException("Tier " + id + ": bytes, datasets, growth and price cannot be negative");
        }
    }

    /** Free bytes on the medium; -1 when the capacity is unknown. */
    public long freeBytes() {
        return capacity == null ? -1 : capacity.totalBytes() - capacity.usedBytes();
    }
}
