package org.datastamp.storage.lifecycle;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.datastamp.catalog.api.CopyFormat;

/**
 * A validated lifecycle policy (see {@link PolicyParser} for the configuration keys).
 *
 * @param name              the policy's name
 * @param scope             datasets it applies to
 * @param hotTier           backend id where datasets land at ingest
 * @param moveTo            backend id datasets move to; empty for none
 * @param moveAfterDays     move after this many days without access; 0 = not by age
 * @param moveAbovePercent  move (least recently used first) while the hot tier is fuller than this; 0 = not by fill
 * @param keepCopyOn        backends that hold a copy from ingest on
 * @param minVerifiedCopies verified copies a dataset must keep; a copy is released only while this many remain
 * @param distinctMedia     count copies on the same kind of medium (two disks) once
 * @param packageFormat     layout of copies on tiers other than hot disk
 */
record Policy(String name, Scope scope, String hotTier, String moveTo, int moveAfterDays, double moveAbovePercent,
        List<String> keepCopyOn, int minVerifiedCopies, boolean distinctMedia, CopyFormat packageFormat) {

    Policy {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(hotTier, "hotTier");
        moveTo = moveTo == null ? "" : moveTo;
        keepCopyOn = List.copyOf(keepCopyOn);
        Objects.requireNonNull(packageFormat, "packageFormat");
    }

    boolean moves() {
        return !moveTo.isEmpty();
    }

    /** The rule in words, for status lines. */
    String summary() {
        List<String> parts = new ArrayList<>();
        parts.add(scope + ": ingest on " + hotTier);
        if (moves()) {
            List<String> when = new ArrayList<>();
            if (moveAfterDays > 0) {
                when.add("after " + moveAfterDays + " days without access");
            }
            if (moveAbovePercent > 0) {
                when.add("when " + hotTier + " is above " + formatPercent(moveAbovePercent) + " % full");
            }
            parts.add(String.join(" or ", when) + " move to " + moveTo);
        }
        if (!keepCopyOn.isEmpty()) {
            parts.add("copy to " + String.join(", ", keepCopyOn) + " from ingest");
        }
        parts.add(minVerifiedCopies + " verified copies" + (distinctMedia ? " on distinct media" : ""));
        parts.add(packageFormat == CopyFormat.OCFL ? "archive copies as OCFL objects" : "archive copies as plain files");
        return String.join("; ", parts);
    }

    private static String formatPercent(double p) {
        return p == Math.rint(p) ? Long.toString((long) p) : Double.toString(p);
    }
}
