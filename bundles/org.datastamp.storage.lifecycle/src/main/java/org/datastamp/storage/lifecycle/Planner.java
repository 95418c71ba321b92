package org.datastamp.storage.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.datastamp.catalog.api.CopyFormat;
import org.datastamp.catalog.api.DatasetCopy;
import org.datastamp.storage.api.StorageTier;

/**
 * Decides the next step for one dataset under its policy: adopt the ingest copy, write the copies the policy wants,
 * then release the hot copy once a move is due and enough verified copies on other media exist. A pure function of
 * its inputs, so the rules are tested without storage.
 */
final class Planner {

    private Planner() {
    }

    /**
     * @param available  backends registered now, by id
     * @param evictForSpace true when the hot tier is too full and this dataset is among the least recently used
     */
    static Optional<Step> next(Policy policy, DatasetState state, Map<String, TierInfo> available, Instant now,
            boolean evictForSpace) {
        Optional<DatasetCopy> writing = state.writing();
        if (writing.isPresent()) {
            return Optional.of(new Step.Wait("a copy on " + writing.get().backendId()
                    + " is being written or awaits recovery"));
        }
        if (state.copies().isEmpty()) {
            return adoptIngestCopy(state, available);
        }
        List<DatasetCopy> verified = state.verified();
        if (verified.isEmpty()) {
            return Optional.of(new Step.Wait("no verified copy is left to copy from"));
        }
        boolean moveDue = moveDue(policy, state, now, evictForSpace);
        List<String> wanted = new ArrayList<>(policy.keepCopyOn());
        if (moveDue) {
            wanted.add(policy.moveTo());
        }
        for (String target : wanted) {
            if (state.verifiedOn(target).isPresent()) {
                continue;
            }
            TierInfo info = available.get(target);
            if (info == null) {
                return Optional.of(new Step.Wait("backend " + target + " is not available"));
            }
            Optional<DatasetCopy> source = bestSource(verified, available);
            if (source.isEmpty()) {
                return Optional.of(new Step.Wait("no backend holding a verified copy is available to copy from"));
            }
            CopyFormat format = info.tier() == StorageTier.HOT_DISK ? CopyFormat.PLAIN : policy.packageFormat();
            return Optional.of(new Step.Copy(source.get().backendId(), target, format));
        }
        if (moveDue && state.verifiedOn(policy.hotTier()).isPresent()) {
            return Optional.of(release(policy, verified, available));
        }
        return Optional.empty();
    }

    static boolean moveDue(Policy policy, DatasetState state, Instant now, boolean evictForSpace) {
        if (!policy.moves()) {
            return false;
        }
        if (evictForSpace && policy.moveAbovePercent() > 0) {
            return true;
        }
        return policy.moveAfterDays() > 0
                && !state.lastUse().plus(Duration.ofDays(policy.moveAfterDays())).isAfter(now);
    }

    private static Optional<Step> adoptIngestCopy(DatasetState state, Map<String, TierInfo> available) {
        List<String> tiers = state.dataset().lifecycle().tiers();
        for (String tier : tiers) {
            if (available.containsKey(tier)) {
                return Optional.of(new Step.Adopt(tier));
            }
        }
        return Optional.of(new Step.Wait(tiers.isEmpty() ? "the catalogue names no tier holding its files"
                : "its ingest tier " + tiers + " is not available"));
    }

    /** Reads from disk or cloud before tape: no recall needed. */
    private static Optional<DatasetCopy> bestSource(List<DatasetCopy> verified, Map<String, TierInfo> available) {
        return verified.stream().filter(c -> available.containsKey(c.backendId()))
                .min(Comparator.comparing((DatasetCopy c) -> available.get(c.backendId()).recallable())
                        .thenComparing(c -> c.format() != CopyFormat.PLAIN));
    }

    private static Step release(Policy policy, List<DatasetCopy> verified, Map<String, TierInfo> available) {
        List<DatasetCopy> others = verified.stream().filter(c -> !c.backendId().equals(policy.hotTier())).toList();
        int counted = policy.distinctMedia() ? distinctMedia(others, available) : others.size();
        if (counted < policy.minVerifiedCopies()) {
            return new Step.Wait("the copy on " + policy.hotTier() + " is kept: " + counted + " verified copies on"
                    + (policy.distinctMedia() ? " distinct media" : " other backends") + " elsewhere, "
                    + policy.minVerifiedCopies() + " required");
        }
        return new Step.Release(policy.hotTier(), policy.minVerifiedCopies());
    }

    /** Copies on the same kind of medium count once; a backend that is not registered now counts as its own. */
    static int distinctMedia(List<DatasetCopy> copies, Map<String, TierInfo> available) {
        Set<String> media = new HashSet<>();
        for (DatasetCopy c : copies) {
            TierInfo info = available.get(c.backendId());
            media.add(info == null ? "backend:" + c.backendId() : info.tier().name());
        }
        return media.size();
    }
}
