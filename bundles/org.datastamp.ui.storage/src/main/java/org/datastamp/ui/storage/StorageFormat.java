package org.datastamp.ui.storage;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.datastamp.storage.api.PolicyStatus;
import org.datastamp.storage.api.RecallStatus;
import org.datastamp.storage.api.TierPlan;

/** How the Storage view writes sizes, money, times and progress. Sizes are decimal, as tiers are priced per TB. */
final class StorageFormat {

    private static final String[] UNITS = {"B", "kB", "MB", "GB", "TB", "PB", "EB"};
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private StorageFormat() {
    }

    /** "0 B", "999 B", "1.5 kB", "12.3 TB": three significant figures at most. */
    static String bytes(long bytes) {
        if (bytes < 0) {
            return "-";
        }
        int unit = 0;
        double value = bytes;
        while (value >= 999.5 && unit < UNITS.length - 1) {
            value /= 1000;
            unit++;
        }
        if (unit == 0) {
            return bytes + " B";
        }
        String number = value >= 99.95 ? String.format(Locale.ROOT, "%.0f", value)
                : value >= 9.995 ? String.format(Locale.ROOT, "%.1f", value)
                        : String.format(Locale.ROOT, "%.2f", value);
        return number + " " + UNITS[unit];
    }

    /** "1,234.50 EUR". */
    static String money(double amount, String currency) {
        return String.format(Locale.ROOT, "%,.2f %s", amount, currency);
    }

    /** "2026-06-15 12:00" (UTC), or "-" for none. */
    static String time(Instant instant) {
        return instant == null ? "-" : TIME.format(instant);
    }

    /** How long until {@code eta}: "in 2 h 5 min", "in 40 s", "due now", or "-" when unknown. */
    static String eta(Instant eta, Instant now) {
        if (eta == null) {
            return "-";
        }
        Duration left = Duration.between(now, eta);
        if (left.isNegative() || left.isZero()) {
            return "due now";
        }
        long seconds = left.toSeconds();
        if (seconds < 60) {
            return "in " + seconds + " s";
        }
        long hours = left.toHours();
        long minutes = left.toMinutesPart();
        if (hours >= 48) {
            return "in " + left.toDays() + " days";
        }
        return hours > 0 ? "in " + hours + " h " + minutes + " min" : "in " + left.toMinutes() + " min";
    }

    /** Percent of the tier's medium in use, 0 when the capacity is unknown. */
    static int usedPercent(TierPlan tier) {
        return tier.capacity() == null ? 0 : (int) Math.round(tier.capacity().percentUsed());
    }

    /** "14.0 TB of 20.0 TB used (70 %)", or why the capacity is unknown. */
    static String capacity(TierPlan tier) {
        if (tier.capacity() == null) {
            return "capacity unknown";
        }
        return bytes(tier.capacity().usedBytes()) + " of " + bytes(tier.capacity().totalBytes()) + " used ("
                + usedPercent(tier) + " %)";
    }

    /**
     * How settled a policy is, in percent: the share of its datasets without a pending step. A dataset may want more
     * than one step, so this errs low; 100 when it covers nothing.
     */
    static int policyProgress(PolicyStatus policy) {
        if (!policy.valid()) {
            return 0;
        }
        if (policy.datasets() <= 0) {
            return policy.pendingSteps() > 0 ? 0 : 100;
        }
        int settled = Math.max(0, policy.datasets() - policy.pendingSteps());
        return (int) Math.floor(100.0 * settled / policy.datasets());
    }

    /** "120 datasets, 3 pending steps, last round 2026-06-15 12:00", or the reason the policy was refused. */
    static String policyLine(PolicyStatus policy) {
        if (!policy.valid()) {
            return "INVALID: " + policy.summary();
        }
        return policy.datasets() + " datasets, " + policy.pendingSteps() + " pending steps, "
                + (policy.lastRound() == null ? "no round yet" : "last round " + time(policy.lastRound()))
                + (policy.lastError().isEmpty() ? "" : "; last error: " + policy.lastError());
    }

    /** Datasets online of the request, in percent. */
    static int recallProgress(RecallStatus status) {
        return status.keysTotal() == 0 ? 100 : (int) Math.floor(100.0 * status.keysDone() / status.keysTotal());
    }

    /** A test id from any identifier: lower case, other characters as dashes. */
    static String testId(String prefix, String id) {
        return prefix + "-" + id.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }
}
