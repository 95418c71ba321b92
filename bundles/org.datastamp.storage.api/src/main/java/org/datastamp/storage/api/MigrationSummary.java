package org.datastamp.storage.api;

import java.util.List;

/**
 * What one round of the lifecycle engine did.
 *
 * @param copied   copies written and verified, as "dataset -> backend"
 * @param released copies released, as "dataset @ backend"
 * @param waiting  steps that could not run yet (a tier offline, a recall under way), with the reason
 * @param failed   steps that failed, with the reason; they are tried again next round
 */
public record MigrationSummary(List<String> copied, List<String> released, List<String> waiting,
        List<String> failed) {

    public MigrationSummary {
        copied = List.copyOf(copied);
        released = List.copyOf(released);
        waiting = List.copyOf(waiting);
        failed = List.copyOf(failed);
    }
}
