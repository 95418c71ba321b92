package org.datastamp.storage.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.datastamp.catalog.api.CopyRule;

/**
 * A policy as the catalogue's {@link CopyRule}: its scope minus the datasets more specific policies cover, the
 * backends that must hold verified copies, and when a hot copy is due to move by age. The catalogue then selects
 * exactly the datasets {@link Planner} would find work for (and those waiting for it), without reading the others.
 */
final class Rules {

    private Rules() {
    }

    /**
     * @param all every valid policy, for the exclusions
     * @param now the round's start
     */
    static CopyRule of(Policy policy, List<Policy> all, Instant now) {
        Scope scope = policy.scope();
        List<String> moreSpecificInstruments = all.stream()
                .filter(p -> p.scope().specificity() > scope.specificity() && p.scope().kind() == Scope.Kind.INSTRUMENT)
                .map(p -> p.scope().value()).distinct().toList();
        List<String> moreSpecificProposals = all.stream()
                .filter(p -> p.scope().specificity() > scope.specificity() && p.scope().kind() == Scope.Kind.PROPOSAL)
                .map(p -> p.scope().value()).distinct().toList();
        Instant lastUseBefore = policy.moves() && policy.moveAfterDays() > 0
                ? now.minus(Duration.ofDays(policy.moveAfterDays()))
                : null;
        return new CopyRule(scope.kind() == Scope.Kind.INSTRUMENT ? scope.value() : "",
                scope.kind() == Scope.Kind.PROPOSAL ? scope.value() : "", moreSpecificInstruments,
                moreSpecificProposals, policy.keepCopyOn(), policy.moves() ? policy.hotTier() : "", lastUseBefore);
    }
}
