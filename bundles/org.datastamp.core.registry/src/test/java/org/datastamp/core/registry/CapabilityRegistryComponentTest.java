package org.datastamp.core.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.List;

import org.datastamp.core.api.CapabilityInfo;
import org.datastamp.core.api.CapabilityKind;
import org.datastamp.core.api.CapabilityState;
import org.datastamp.storage.api.StorageBackend;
import org.datastamp.visualization.api.Visualizer;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.Version;

class CapabilityRegistryComponentTest {

    @SuppressWarnings("unchecked")
    private static <S> ServiceReference<S> reference(long serviceId, String bundleName, String bundleVersion) {
        Bundle bundle = (Bundle) Proxy.newProxyInstance(Bundle.class.getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getSymbolicName" -> bundleName;
                    case "getVersion" -> Version.parseVersion(bundleVersion);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return (ServiceReference<S>) Proxy.newProxyInstance(ServiceReference.class.getClassLoader(),
                new Class<?>[] {ServiceReference.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getBundle" -> bundle;
                    case "getProperty" -> Constants.SERVICE_ID.equals(args[0]) ? serviceId : null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static <T> T capability(Class<T> type, String id, String name) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> switch (method.getName()) {
                    case "capabilityId" -> id;
                    case "displayName" -> name;
                    default -> throw new UnsupportedOperationException(method.getName());
                }));
    }

    @Test
    void reportsKindIdNameAndTheRegisteringBundleOfEachService() {
        CapabilityRegistryComponent registry = new CapabilityRegistryComponent();

        registry.addStorage(capability(StorageBackend.class, "hot-disk", "Hot disk"),
                reference(11, "org.datastamp.storage.disk", "0.1.0.202603011200"));
        registry.addVisualizer(capability(Visualizer.class, "image", "Image viewer"),
                reference(12, "org.example.viz", "2.3.0"));

        assertEquals(List.of(
                new CapabilityInfo(CapabilityKind.STORAGE, "hot-disk", "Hot disk", "org.datastamp.storage.disk",
                        "0.1.0.202603011200", CapabilityState.ACTIVE),
                new CapabilityInfo(CapabilityKind.VISUALIZER, "image", "Image viewer", "org.example.viz", "2.3.0",
                        CapabilityState.ACTIVE)), registry.capabilities());

        registry.removeStorage(reference(11, "org.datastamp.storage.disk", "0.1.0.202603011200"));
        assertEquals(List.of("image"), registry.capabilities().stream().map(CapabilityInfo::id).toList());
    }

    @Test
    void aPluginWithoutAnIdIsLeftOut() {
        CapabilityRegistryComponent registry = new CapabilityRegistryComponent();

        registry.addVisualizer(capability(Visualizer.class, " ", "Nameless"), reference(5, "org.example.bad", "1.0.0"));

        assertTrue(registry.capabilities().isEmpty());
    }
}
