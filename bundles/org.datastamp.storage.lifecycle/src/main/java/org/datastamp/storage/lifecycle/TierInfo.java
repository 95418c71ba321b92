package org.datastamp.storage.lifecycle;

import org.datastamp.storage.api.StorageTier;

/**
 * What the planner needs to know of an available backend.
 *
 * @param id         capability id
 * @param tier       its medium
 * @param recallable whether reads may need a recall first (tape)
 */
record TierInfo(String id, StorageTier tier, boolean recallable) {
}
