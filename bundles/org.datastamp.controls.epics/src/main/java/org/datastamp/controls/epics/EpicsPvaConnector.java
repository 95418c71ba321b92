package org.datastamp.controls.epics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.datastamp.controls.api.ControlSystemConnector;
import org.datastamp.controls.api.ControlSystemException;
import org.datastamp.controls.api.ControlVariable;
import org.datastamp.controls.api.VariableReading;
import org.epics.pva.client.PVAChannel;
import org.epics.pva.client.PVAClient;
import org.epics.pva.data.PVAStructure;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An EPICS control system reached over PV Access (the EPICS 7 protocol; IOCs serve their records over it through
 * QSRV). One instance per factory configuration. The PVs to offer are listed in the configuration, as EPICS cannot
 * be browsed; units and limits come from each PV's NTScalar display metadata unless the configuration overrides
 * them. Channels stay open between reads; all wanted PVs are read at the same time.
 */
@Component(service = ControlSystemConnector.class, configurationPid = EpicsPvaConnector.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = EpicsPvaConnector.Config.class, factory = true)
public class EpicsPvaConnector implements ControlSystemConnector {

    static final String PID = "org.datastamp.controls.epics";

    private static final Logger LOG = LoggerFactory.getLogger(EpicsPvaConnector.class);
    private static final String READ_FIELDS = "value, alarm, timeStamp";
    private static final String INFO_FIELDS = "value, display";

    @ObjectClassDefinition(name = "DataSTaMP EPICS connector",
            description = "Records EPICS PVs (numeric NTScalar values) read over PV Access")
    public @interface Config {

        @AttributeDefinition(description = "PVs to offer, each PV[;name=metadata_name][;group=..][;unit=..], e.g."
                + " SR:DCCT:current;name=ring_current;group=beam")
        String[] pvs();

        @AttributeDefinition(description = "EPICS_PVA_ADDR_LIST: UDP search addresses (host or host:port, unicast or"
                + " broadcast), space separated")
        String addressList() default "";

        @AttributeDefinition(description = "EPICS_PVA_AUTO_ADDR_LIST: also search the broadcast address of every"
                + " network interface")
        boolean autoAddressList() default true;

        @AttributeDefinition(description = "Longest wait to connect to and read a PV (seconds)")
        double timeoutSeconds() default 5.0;

        @AttributeDefinition(description = "Capability id, unique among connectors, e.g. epics-b311a")
        String capabilityId() default "epics";

        @AttributeDefinition(description = "Name shown to users")
        String displayName() default "EPICS control system";
    }

    private final EpicsSettings settings;
    private final PVAClient client;
    private final Map<String, PVAChannel> channels = new ConcurrentHashMap<>();

    @Activate
    public EpicsPvaConnector(Config config) throws Exception {
        this(EpicsSettings.from(config));
        LOG.info("EPICS connector {} ready: {} PVs, address list '{}' (auto {})", settings.capabilityId(),
                settings.pvs().size(), settings.addressList(), settings.autoAddressList());
    }

    EpicsPvaConnector(EpicsSettings settings) throws Exception {
        this.settings = settings;
        this.client = PvaClients.create(settings);
    }

    @Deactivate
    void close() {
        channels.values().forEach(PVAChannel::close);
        channels.clear();
        client.close();
    }

    @Override
    public String capabilityId() {
        return settings.capabilityId();
    }

    @Override
    public String displayName() {
        return settings.displayName();
    }

    /**
     * The configured PVs that answer with a numeric value, with their units and display limits. A PV that does not
     * connect within the timeout or is not numeric is left out with a warning naming it.
     */
    @Override
    public List<ControlVariable> variables() {
        Map<PvEntry, CompletableFuture<PVAStructure>> infos = new LinkedHashMap<>();
        for (PvEntry pv : settings.pvs()) {
            infos.put(pv, fetch(pv.pv(), INFO_FIELDS));
        }
        List<ControlVariable> variables = new ArrayList<>();
        for (Map.Entry<PvEntry, CompletableFuture<PVAStructure>> info : infos.entrySet()) {
            PvEntry pv = info.getKey();
            try {
                PVAStructure data = await(pv.pv(), info.getValue());
                if (PvaFields.value(data) == null) {
                    throw new ControlSystemException("EPICS PV " + pv.pv() + " is not numeric ("
                            + PvaFields.valueType(data) + ")");
                }
                String unit = pv.unit() != null ? pv.unit() : PvaFields.units(data);
                double[] limits = PvaFields.limits(data);
                variables.add(new ControlVariable(pv.group(), pv.name(), pv.pv(), "value", unit,
                        limits == null ? null : limits[0], limits == null ? null : limits[1], variables.size()));
            } catch (ControlSystemException | IllegalArgumentException e) {
                LOG.warn("{}: EPICS PV {} left out of the variables: {}", settings.capabilityId(), pv.pv(),
                        e.getMessage());
            }
        }
        return variables;
    }

    @Override
    public List<VariableReading> readAll() throws ControlSystemException {
        return read(variables());
    }

    /** Reads the wanted PVs, all at once; fails naming every PV that could not be read. */
    @Override
    public List<VariableReading> read(Collection<ControlVariable> wanted) throws ControlSystemException {
        Map<ControlVariable, CompletableFuture<PVAStructure>> pending = new LinkedHashMap<>();
        for (ControlVariable v : wanted) {
            pending.put(v, fetch(v.device(), READ_FIELDS));
        }
        List<VariableReading> readings = new ArrayList<>(wanted.size());
        List<String> failures = new ArrayList<>();
        ControlSystemException first = null;
        for (Map.Entry<ControlVariable, CompletableFuture<PVAStructure>> entry : pending.entrySet()) {
            try {
                readings.add(reading(entry.getKey(), await(entry.getKey().device(), entry.getValue())));
            } catch (ControlSystemException e) {
                failures.add(e.getMessage());
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw failures.size() == 1 ? first : new ControlSystemException(String.join("; ", failures), first);
        }
        return readings;
    }

    private static VariableReading reading(ControlVariable variable, PVAStructure data) throws ControlSystemException {
        Double value = PvaFields.value(data);
        if (value == null) {
            throw new ControlSystemException("EPICS PV " + variable.device() + " is not numeric ("
                    + PvaFields.valueType(data) + ")");
        }
        if (PvaFields.alarmSeverity(data) >= PvaFields.SEVERITY_INVALID) {
            throw new ControlSystemException("EPICS PV " + variable.device() + " is in INVALID alarm: its value "
                    + value + " is not to be trusted");
        }
        return new VariableReading(variable, value, PvaFields.time(data, Instant.now()));
    }

    /** Connects (if needed) and reads, without waiting: the caller awaits all PVs together. */
    private CompletableFuture<PVAStructure> fetch(String pv, String fields) {
        PVAChannel channel = channels.computeIfAbsent(pv, name -> client.getChannel(name,
                (ch, state) -> LOG.debug("{}: EPICS channel {} {}", settings.capabilityId(), name, state)));
        long timeoutMs = settings.timeout().toMillis();
        // copy(): orTimeout completes the future it is called on, and connect() hands out the channel's own
        return channel.connect().copy().orTimeout(timeoutMs, TimeUnit.MILLISECONDS)
                .thenCompose(connected -> channel.read(fields)).orTimeout(timeoutMs, TimeUnit.MILLISECONDS);
    }

    private PVAStructure await(String pv, CompletableFuture<PVAStructure> future) throws ControlSystemException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof TimeoutException) {
                boolean connected = channels.get(pv) != null && channels.get(pv).isConnected();
                throw new ControlSystemException("EPICS PV " + pv + ": " + (connected ? "no answer to the read"
                        : "not connected (no PVA server answered the search)") + " within "
                        + settings.timeout().toMillis() + " ms", cause);
            }
            throw new ControlSystemException("EPICS PV " + pv + ": " + cause.getMessage(), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ControlSystemException("Interrupted while reading EPICS PV " + pv, e);
        }
    }
}
