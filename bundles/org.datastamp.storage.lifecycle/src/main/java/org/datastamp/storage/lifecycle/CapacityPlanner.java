package org.datastamp.storage.lifecycle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.datastamp.storage.api.Capacity;
import org.datastamp.storage.api.CapacityAware;
import org.datastamp.storage.api.CapacityPlanning;
import org.datastamp.storage.api.MonthlyIngest;
import org.datastamp.storage.api.PlanningReport;
import org.datastamp.storage.api.StorageBackend;
import org.datastamp.storage.api.StorageException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The planning report as a service: capacities from the running backends, copies and ingest history from the
 * catalogue's database, prices and budget from its configuration ({@code etc/org.datastamp.storage.planning.cfg}).
 */
@Component(service = CapacityPlanning.class, configurationPid = CapacityPlanner.PID)
@Designate(ocd = CapacityPlanner.Config.class)
public class CapacityPlanner implements CapacityPlanning {

    static final String PID = "org.datastamp.storage.planning";

    /** Prefix of the per-tier price keys: {@code costPerTbYear.<tier id> = <price>}. */
    static final String PRICE_PREFIX = "costPerTbYear.";

    @ObjectClassDefinition(name = "DataSTaMP storage planning",
            description = "Capacity, growth and cost of the storage tiers. Prices per tier are further keys"
                    + " costPerTbYear.<tier id> = <price of 10^12 bytes kept one year>")
    public @interface Config {

        @AttributeDefinition(description = "Currency of the prices and the budget")
        String currency() default "EUR";

        @AttributeDefinition(description = "Storage budget per year; 0 when none is set")
        double budgetPerYear() default 0;

        @AttributeDefinition(description = "Months of ingest history the growth rate is measured over, the current"
                + " month included")
        int months() default 12;

        @AttributeDefinition(description = "Seconds a report is reused before the catalogue is read again (its"
                + " aggregates scan every copy record: about 25 s for 1,000,000 datasets on embedded H2); 0 = always"
                + " fresh")
        int maxAgeSeconds() default 300;
    }

    private final Map<String, StorageBackend> backends = new ConcurrentHashMap<>();
    private final IngestHistory history;
    private final PlanningModel.Prices prices;
    private final int months;
    private final Duration maxAge;
    private final Clock clock;
    private PlanningReport last;

    @Activate
    public CapacityPlanner(Config config, Map<String, Object> properties,
            @Reference(target = "(datastamp.database=catalog)") DataSource database) {
        this(database, prices(config, properties), config.months(), Duration.ofSeconds(Math.max(0,
                config.maxAgeSeconds())), Clock.systemUTC());
    }

    CapacityPlanner(DataSource database, PlanningModel.Prices prices, int months, Duration maxAge, Clock clock) {
        if (months < 1) {
            throw new IllegalArgumentException("Storage planning: months must be at least 1, not " + months
                    + " (" + PID + ")");
        }
        this.history = new IngestHistory(database);
        this.prices = prices;
        this.months = months;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    /** The configured prices, refused with the key's name when one is not a non-negative number. */
    static PlanningModel.Prices prices(Config config, Map<String, Object> properties) {
        Map<String, Double> perTier = new HashMap<>();
        for (Map.Entry<String, Object> e : properties.entrySet()) {
            if (!e.getKey().startsWith(PRICE_PREFIX) || e.getKey().length() == PRICE_PREFIX.length()) {
                continue;
            }
            double price;
            try {
                price = e.getValue() instanceof Number n ? n.doubleValue()
                        : Double.parseDouble(String.valueOf(e.getValue()).strip());
            } catch (NumberFormatException ex) {
                price = -1;
            }
            if (!(price >= 0) || Double.isInfinite(price)) {
                throw new IllegalArgumentException("Storage planning: " + e.getKey() + " = '" + e.getValue()
                        + "' must be a price of one TB for a year, a number of at least 0 (" + PID + ")");
            }
            perTier.put(e.getKey().substring(PRICE_PREFIX.length()), price);
        }
        if (!(config.budgetPerYear() >= 0)) {
            throw new IllegalArgumentException("Storage planning: budgetPerYear must be at least 0, not "
                    + config.budgetPerYear() + " (" + PID + ")");
        }
        return new PlanningModel.Prices(config.currency().strip(), config.budgetPerYear(), perTier);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addBackend(StorageBackend backend) {
        backends.put(backend.capabilityId(), backend);
    }

    public void removeBackend(StorageBackend backend) {
        backends.remove(backend.capabilityId(), backend);
    }

    /**
     * The last report while it is younger than {@code maxAgeSeconds}, else a new one. Synchronized so that many
     * open admin pages share one computation instead of scanning the catalogue side by side.
     */
    @Override
    public synchronized PlanningReport report() throws StorageException {
        Instant now = clock.instant();
        if (last == null || !now.isBefore(last.generated().plus(maxAge))) {
            last = compute(now);
        }
        return last;
    }

    private PlanningReport compute(Instant now) throws StorageException {
        YearMonth last = YearMonth.from(now.atZone(ZoneOffset.UTC));
        YearMonth first = last.minusMonths(months - 1L);
        List<MonthlyIngest> ingest = history.months(first, last);
        Map<String, IngestHistory.Held> held = history.held();
        long copied = history.copiedBytes();
        Map<String, StorageBackend> running = new TreeMap<>(backends);
        TreeSet<String> ids = new TreeSet<>(running.keySet());
        ids.addAll(held.keySet());
        List<PlanningModel.TierInput> tiers = new ArrayList<>();
        for (String id : ids) {
            StorageBackend backend = running.get(id);
            IngestHistory.Held h = held.getOrDefault(id, new IngestHistory.Held(0, 0));
            Capacity capacity = null;
            String note = "";
            if (backend == null) {
                note = "not running now";
            } else if (backend instanceof CapacityAware aware) {
                try {
                    capacity = aware.capacity();
                } catch (StorageException | RuntimeException e) {
                    note = "capacity unreadable: " + e.getMessage();
                }
            } else {
                note = "capacity not reported by the backend";
            }
            tiers.add(new PlanningModel.TierInput(id, backend == null ? null : backend.tier(), capacity, h.bytes(),
                    h.datasets(), note));
        }
        return PlanningModel.report(now, IngestHistory.start(first).toInstant(), prices, tiers, copied, ingest);
    }
}
