package org.datastamp.detector.dectris.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/** The simulator as a configured component: publishes what its configuration says and stops when deactivated. */
class SimulatorComponentTest {

    @Test
    void publishesTheConfiguredNumberOfSeriesToAReceiverThatConnectsLater() throws Exception {
        String endpoint = "tcp://127.0.0.1:" + freePort();
        SimulatorComponent component = new SimulatorComponent();
        component.activate(config(Map.of("endpoint", endpoint, "version", 2, "width", 16, "height", 8,
                "frames", 3, "series", 2, "pauseMillis", 10L)), Map.of("service.pid", "test"));
        try (ZContext context = new ZContext(1)) {
            ZMQ.Socket pull = context.createSocket(SocketType.PULL);
            pull.setReceiveTimeOut(5000);
            pull.connect(endpoint);
            // Stream v2: one CBOR part per message; two series of start, 3 images and end.
            for (int i = 0; i < 2 * 5; i++) {
                assertNotNull(pull.recv(0), "message " + i + " of two series of 3 frames");
                assertTrue(!pull.hasReceiveMore(), "stream v2 messages have one part");
            }
            pull.setReceiveTimeOut(500);
            assertEquals(null, pull.recv(0), "only the two configured series are published");
        } finally {
            component.deactivate();
        }
    }

    @Test
    void deactivationStopsAPublisherWaitingForAReceiverAndReleasesTheEndpoint() throws Exception {
        String endpoint = "tcp://127.0.0.1:" + freePort();
        SimulatorComponent component = new SimulatorComponent();
        component.activate(config(Map.of("endpoint", endpoint, "width", 16, "height", 8)), Map.of());

        long t0 = System.nanoTime();
        component.deactivate();
        assertTrue(System.nanoTime() - t0 < 3_000_000_000L, "deactivate waited for a receiver that never came");

        SimulatorComponent again = new SimulatorComponent();
        again.activate(config(Map.of("endpoint", endpoint, "width", 16, "height", 8)), Map.of());
        again.deactivate();
    }

    @Test
    void badConfigurationNamesTheKey() {
        var missing = assertThrows(IllegalArgumentException.class,
                () -> SimulatorComponent.settings(config(Map.of("endpoint", " "))));
        assertTrue(missing.getMessage().contains("endpoint"), missing.getMessage());
        var compression = assertThrows(IllegalArgumentException.class,
                () -> SimulatorComponent.settings(config(Map.of("endpoint", "tcp://*:1", "compression", "zip"))));
        assertTrue(compression.getMessage().contains("zip"), compression.getMessage());
        var series = assertThrows(IllegalArgumentException.class, () -> new SimulatorComponent()
                .activate(config(Map.of("endpoint", "tcp://127.0.0.1:1", "series", -1)), Map.of()));
        assertTrue(series.getMessage().contains("series"), series.getMessage());
    }

    /** A configuration as Declarative Services builds it: the given values, the rest from the annotation defaults. */
    private static SimulatorComponent.Config config(Map<String, Object> values) {
        Map<String, Object> all = new HashMap<>(values);
        return (SimulatorComponent.Config) Proxy.newProxyInstance(SimulatorComponent.Config.class.getClassLoader(),
                new Class<?>[] {SimulatorComponent.Config.class}, (proxy, method, args) -> {
                    Object value = all.getOrDefault(method.getName(), method.getDefaultValue());
                    if (value == null) {
                        throw new IllegalStateException("no value for " + method.getName());
                    }
                    return value;
                });
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
