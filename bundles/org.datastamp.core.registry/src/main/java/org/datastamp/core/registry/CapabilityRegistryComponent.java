package org.datastamp.core.registry;

import java.util.List;
import java.util.function.Consumer;

import org.datastamp.catalog.api.Catalog;
import org.datastamp.controls.api.ControlSystemConnector;
import org.datastamp.core.api.Capability;
import org.datastamp.core.api.CapabilityInfo;
import org.datastamp.core.api.CapabilityKind;
import org.datastamp.core.api.CapabilityRegistry;
import org.datastamp.core.api.CapabilityState;
import org.datastamp.detector.api.DetectorDriver;
import org.datastamp.doi.api.DoiProvider;
import org.datastamp.storage.api.StorageBackend;
import org.datastamp.visualization.api.Visualizer;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows every capability service of every family as plugins come and go, and reports them with the bundle that
 * registered them. The bookkeeping lives in {@link CapabilityBook}.
 */
@Component(service = CapabilityRegistry.class, configurationPid = CapabilityRegistryComponent.PID)
@Designate(ocd = CapabilityRegistryComponent.Config.class)
public class CapabilityRegistryComponent implements CapabilityRegistry {

    static final String PID = "org.datastamp.core.registry";

    private static final Logger LOG = LoggerFactory.getLogger(CapabilityRegistryComponent.class);

    @ObjectClassDefinition(name = "DataSTaMP capability registry",
            description = "Tracks the detectors, control systems, storage tiers, visualizers, DOI providers and"
                    + " catalogues plugged into the platform")
    public @interface Config {

        @AttributeDefinition(description = "Log one line each time a capability arrives or leaves")
        boolean logChanges() default true;
    }

    private final CapabilityBook book = new CapabilityBook();
    private volatile boolean logChanges = true;

    @Activate
    @Modified
    void activate(Config config) {
        logChanges = config.logChanges();
    }

    @Override
    public List<CapabilityInfo> capabilities() {
        return book.snapshot();
    }

    @Override
    public AutoCloseable onChange(Consumer<List<CapabilityInfo>> listener) {
        return book.listen(listener);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeDetector")
    void addDetector(DetectorDriver service, ServiceReference<DetectorDriver> ref) {
        add(CapabilityKind.DETECTOR, service, ref);
    }

    void removeDetector(ServiceReference<DetectorDriver> ref) {
        remove(CapabilityKind.DETECTOR, ref);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeControlSystem")
    void addControlSystem(ControlSystemConnector service, ServiceReference<ControlSystemConnector> ref) {
        add(CapabilityKind.CONTROL_SYSTEM, service, ref);
    }

    void removeControlSystem(ServiceReference<ControlSystemConnector> ref) {
        remove(CapabilityKind.CONTROL_SYSTEM, ref);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeStorage")
    void addStorage(StorageBackend service, ServiceReference<StorageBackend> ref) {
        add(CapabilityKind.STORAGE, service, ref);
    }

    void removeStorage(ServiceReference<StorageBackend> ref) {
        remove(CapabilityKind.STORAGE, ref);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeVisualizer")
    void addVisualizer(Visualizer service, ServiceReference<Visualizer> ref) {
        add(CapabilityKind.VISUALIZER, service, ref);
    }

    void removeVisualizer(ServiceReference<Visualizer> ref) {
        remove(CapabilityKind.VISUALIZER, ref);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeDoiProvider")
    void addDoiProvider(DoiProvider service, ServiceReference<DoiProvider> ref) {
        add(CapabilityKind.DOI_PROVIDER, service, ref);
    }

    void removeDoiProvider(ServiceReference<DoiProvider> ref) {
        remove(CapabilityKind.DOI_PROVIDER, ref);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeCatalog")
    void addCatalog(Catalog service, ServiceReference<Catalog> ref) {
        add(CapabilityKind.CATALOG, service, ref);
    }

    void removeCatalog(ServiceReference<Catalog> ref) {
        remove(CapabilityKind.CATALOG, ref);
    }

    private void add(CapabilityKind kind, Capability service, ServiceReference<?> ref) {
        Bundle bundle = ref.getBundle();
        String symbolicName = bundle == null ? "(unregistered)" : bundle.getSymbolicName();
        String version = bundle == null ? "" : bundle.getVersion().toString();
        CapabilityInfo info;
        try {
            info = new CapabilityInfo(kind, service.capabilityId(), service.displayName(), symbolicName, version,
                    CapabilityState.ACTIVE);
        } catch (RuntimeException e) {
            // A plugin that cannot even name itself is left out rather than taking the registry down with it.
            LOG.warn("Ignoring {} service {} from bundle {} {}: {}", kind, serviceId(ref), symbolicName, version,
                    e.getMessage());
            return;
        }
        book.add(serviceId(ref), info);
        if (logChanges) {
            LOG.info("Capability arrived: {} {} from {} {}", kind, info.id(), symbolicName, version);
        }
    }

    private void remove(CapabilityKind kind, ServiceReference<?> ref) {
        book.remove(serviceId(ref)).ifPresent(info -> {
            if (logChanges) {
                LOG.info("Capability left: {} {} from {} {}", kind, info.id(), info.bundle(), info.bundleVersion());
            }
        });
    }

    private static long serviceId(ServiceReference<?> ref) {
        return (Long) ref.getProperty(Constants.SERVICE_ID);
    }
}
