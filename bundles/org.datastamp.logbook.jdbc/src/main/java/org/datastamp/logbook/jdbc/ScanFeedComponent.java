package org.datastamp.logbook.jdbc;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.datastamp.acquisition.api.ScanService;
import org.datastamp.catalog.api.Catalog;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
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
 * Keeps the logbooks' scans overview in step with acquisition by asking the scan service for its recent scans at a
 * fixed interval (the acquisition API has no events; its recent list is bounded, so a poll is cheap).
 */
@Component(configurationPid = ScanFeedComponent.PID)
@Designate(ocd = ScanFeedComponent.Config.class)
public class ScanFeedComponent {

    static final String PID = "org.datastamp.logbook.feed";

    private static final Logger LOG = LoggerFactory.getLogger(ScanFeedComponent.class);

    @ObjectClassDefinition(name = "DataSTaMP logbook scan feed",
            description = "Fills each session's scans overview from the scan service")
    public @interface Config {

        @AttributeDefinition(description = "How often to look for new or changed scans, in milliseconds")
        long pollIntervalMillis() default 1000;

        @AttributeDefinition(description = "Instrument of the scan service (its 'instrument' setting), for scans"
                + " whose dataset is not recorded yet")
        String instrument() default "SimBeamline";

        @AttributeDefinition(description = "Key metadata columns per beamline, one entry per instrument:"
                + " 'INSTRUMENT: name, name'")
        String[] keyColumns() default {"SimBeamline: sample_temperature, beam_energy, detector_distance"};
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ScanService scans;

    /**
     * Dynamic, not a constructor argument: the catalogue registers the DataSource while it is itself being activated,
     * so at that moment this immediate component could not get the Catalog service and would fail for good.
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Catalog catalog;

    private final ScanFeed feed;
    private final ScheduledExecutorService timer;

    @Activate
    public ScanFeedComponent(Config config,
            @Reference(target = "(datastamp.database=catalog)") DataSource dataSource) {
        this.feed = new ScanFeed(dataSource, () -> catalog, config.instrument(),
                ScanFeed.keyColumns(config.keyColumns()), Clock.systemUTC());
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "logbook-scan-feed"));
        long interval = Math.max(100, config.pollIntervalMillis());
        timer.scheduleWithFixedDelay(this::poll, 0, interval, TimeUnit.MILLISECONDS);
    }

    private void poll() {
        ScanService current = scans;
        if (current == null || catalog == null) {
            return;
        }
        try {
            int written = feed.observe(current.recent());
            if (written > 0) {
                LOG.debug("Logbook recorded {} scan changes", written);
            }
        } catch (Exception e) {
            // The next poll tries the same scans again: a failed write is retried, not lost.
            LOG.warn("Logbook could not record scans: {}", e.getMessage(), e);
        }
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        timer.shutdownNow();
        timer.awaitTermination(5, TimeUnit.SECONDS);
    }
}
