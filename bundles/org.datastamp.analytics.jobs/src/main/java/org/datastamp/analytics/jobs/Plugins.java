package org.datastamp.analytics.jobs;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.datastamp.analytics.api.PluginDescription;
import org.datastamp.analytics.api.ProcessingPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The processing plugins registered now, by id; the first of two with one id wins until it leaves. */
final class Plugins {

    private static final Logger LOG = LoggerFactory.getLogger(Plugins.class);

    private final Map<String, ProcessingPlugin> byId = new ConcurrentHashMap<>();

    void add(ProcessingPlugin plugin) {
        String id = plugin.description().id();
        ProcessingPlugin before = byId.putIfAbsent(id, plugin);
        if (before != null && before != plugin) {
            LOG.warn("Analysis plugin {} ({}) ignored: {} already provides that id", id,
                    plugin.getClass().getName(), before.getClass().getName());
        } else {
            LOG.info("Analysis plugin {} version {} available", id, plugin.description().version());
        }
    }

    /** Removes the plugin; returns its id when it was the one in use. */
    Optional<String> remove(ProcessingPlugin plugin) {
        for (Map.Entry<String, ProcessingPlugin> e : byId.entrySet()) {
            if (e.getValue() == plugin && byId.remove(e.getKey(), plugin)) {
                LOG.info("Analysis plugin {} removed", e.getKey());
                return Optional.of(e.getKey());
            }
        }
        return Optional.empty();
    }

    Optional<ProcessingPlugin> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    List<PluginDescription> descriptions() {
        return byId.values().stream().map(ProcessingPlugin::description)
                .sorted(Comparator.comparing(PluginDescription::id)).toList();
    }

    String ids() {
        return byId.isEmpty() ? "none is registered" : "registered: " + String.join(", ", byId.keySet().stream()
                .sorted().toList());
    }
}
