package org.datastamp.core.shutdown;

import java.time.Duration;

import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops the OSGi framework when the JVM is asked to exit (Ctrl-C, SIGTERM, {@code System.exit}), so every
 * component deactivates in order: a scan finishes writing its file, the catalogue closes its database. Equinox
 * started through its launcher jar registers no such hook; Karaf has its own, so this bundle belongs to the
 * Equinox product only.
 */
@Component(immediate = true)
public class GracefulStop {

    private static final Logger LOG = LoggerFactory.getLogger(GracefulStop.class);

    /** Longer than the scan service's own stop timeout, so a scan being written can finish. */
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(90);

    private Thread hook;

    @Activate
    void activate(BundleContext context) {
        Framework framework = (Framework) context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION);
        hook = new Thread(() -> stop(framework, STOP_TIMEOUT), "datastamp-graceful-stop");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    @Deactivate
    void deactivate() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down: this deactivation is the hook's own doing.
        }
    }

    /** Stops {@code framework} and waits for it, at most {@code timeout}; returns whether it stopped in time. */
    static boolean stop(Framework framework, Duration timeout) {
        LOG.info("JVM is exiting: stopping the OSGi framework (waiting up to {} s)", timeout.toSeconds());
        try {
            framework.stop();
            FrameworkEvent event = framework.waitForStop(timeout.toMillis());
            if (event.getType() == FrameworkEvent.WAIT_TIMEDOUT) {
                LOG.warn("The OSGi framework did not stop within {} s; exiting anyway", timeout.toSeconds());
                return false;
            }
            return true;
        } catch (BundleException e) {
            LOG.error("Could not stop the OSGi framework cleanly", e);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
