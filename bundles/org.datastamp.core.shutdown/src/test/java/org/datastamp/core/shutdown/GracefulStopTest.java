package org.datastamp.core.shutdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;

class GracefulStopTest {

    private final List<String> calls = new ArrayList<>();

    @Test
    void stopsTheFrameworkAndWaitsForIt() {
        assertTrue(GracefulStop.stop(framework(FrameworkEvent.STOPPED), Duration.ofSeconds(5)));
        assertEquals(List.of("stop", "waitForStop 5000"), calls);
    }

    @Test
    void reportsAFrameworkThatDoesNotStopInTime() {
        assertFalse(GracefulStop.stop(framework(FrameworkEvent.WAIT_TIMEDOUT), Duration.ofMillis(10)));
    }

    private Framework framework(int stopEventType) {
        return (Framework) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Framework.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "stop" -> {
                        calls.add("stop");
                        yield null;
                    }
                    case "waitForStop" -> {
                        calls.add("waitForStop " + args[0]);
                        yield new FrameworkEvent(stopEventType, (Framework) proxy, null);
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
