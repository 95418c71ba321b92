package org.datastamp.storage.lifecycle;

import java.util.Optional;

/**
 * One policy configuration as registered by {@link PolicyComponent}: valid (with its {@link Policy}) or refused
 * (with the reason), so that admin surfaces list a broken policy instead of losing it. Bundle-internal service.
 */
public interface ConfiguredPolicy {

    String name();

    /** The policy, or empty when its configuration was refused. */
    Optional<Policy> policy();

    /** Why the configuration was refused; empty when valid. */
    String error();
}
