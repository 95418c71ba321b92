package org.datastamp.controls.tango;

import java.net.http.HttpClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;

import org.datastamp.controls.api.ControlSystemConnector;
import org.datastamp.controls.api.ControlSystemException;
import org.datastamp.controls.api.ControlVariable;
import org.datastamp.controls.api.VariableReading;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Tango control system reached through its REST API. One instance per factory configuration (one per Tango
 * database or beamline). Variables are the numeric scalar attributes of the configured devices; a read asks each
 * device once for all its wanted attributes, all devices at the same time.
 */
@Component(service = ControlSystemConnector.class, configurationPid = TangoRestConnector.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = TangoRestConnector.Config.class, factory = true)
public class TangoRestConnector implements ControlSystemConnector {

    static final String PID = "org.datastamp.controls.tango";

    private static final Logger LOG = LoggerFactory.getLogger(TangoRestConnector.class);

    @ObjectClassDefinition(name = "DataSTaMP Tango connector",
            description = "Records numeric scalar attributes of Tango devices, read through the Tango REST API")
    public @interface Config {

        @AttributeDefinition(description = "Tango REST API version root, e.g. http://tango-rest:8080/tango/rest/rc4")
        String url();

        @AttributeDefinition(description = "Tango database (TANGO_HOST) as host:port, e.g. tango-cs:10000")
        String tangoHost();

        @AttributeDefinition(description = "User for HTTP Basic authentication; empty sends no credentials")
        String user() default "";

        @AttributeDefinition(type = AttributeType.PASSWORD, description = "Password for HTTP Basic authentication")
        String password() default "";

        @AttributeDefinition(description = "Device patterns to offer, Tango wildcards such as b311a/*/* or"
                + " b311a/mot/sample-*")
        String[] devices();

        @AttributeDefinition(description = "Longest wait for one answer of the REST API (seconds)")
        double timeoutSeconds() default 5.0;

        @AttributeDefinition(description = "Capability id, unique among connectors, e.g. tango-b311a")
        String capabilityId() default "tango";

        @AttributeDefinition(description = "Name shown to users")
        String displayName() default "Tango control system";
    }

    private final TangoSettings settings;
    private final TangoRestClient client;

    @Activate
    public TangoRestConnector(Config config) {
        this(TangoSettings.from(config));
        LOG.info("Tango connector {} ready: {} on Tango host {}, devices {}", settings.capabilityId(),
                settings.apiUrl(), settings.tangoHost(), settings.devicePatterns());
    }

    private TangoRestConnector(TangoSettings settings) {
        this(settings, HttpClient.newBuilder().connectTimeout(settings.timeout()).build());
    }

    TangoRestConnector(TangoSettings settings, HttpClient http) {
        this.settings = settings;
        this.client = new TangoRestClient(settings, http);
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
     * Lists the numeric scalar attributes of every device matching the configured patterns, asking the REST API
     * each time (devices come and go). A device that cannot be asked is left out with a warning naming it, so one
     * device being down does not hide the others.
     *
     * @throws IllegalStateException if the devices cannot be listed at all (the REST API is unreachable, refuses
     *                               the credentials); the message says why
     */
    @Override
    public List<ControlVariable> variables() {
        Set<String> devices = new LinkedHashSet<>();
        try {
            for (String pattern : settings.devicePatterns()) {
                devices.addAll(client.devices(pattern));
            }
        } catch (ControlSystemException e) {
            throw new IllegalStateException(settings.capabilityId() + ": cannot list Tango devices: "
                    + e.getMessage(), e);
        }
        List<ControlVariable> variables = new ArrayList<>();
        VariableNames names = new VariableNames();
        for (String device : devices) {
            try {
                for (TangoAttributeInfo info : client.attributeInfos(device)) {
                    if (info.isNumericScalar()) {
                        variables.add(new ControlVariable(device, names.nameFor(device, info.name()), device,
                                info.name(), info.unit(), info.minimum(), info.maximum(), variables.size()));
                    }
                }
            } catch (ControlSystemException | IllegalArgumentException e) {
                LOG.warn("{}: Tango device {} left out of the variables: {}", settings.capabilityId(), device,
                        e.getMessage());
            }
        }
        return variables;
    }

    @Override
    public List<VariableReading> readAll() throws ControlSystemException {
        return read(variables());
    }

    /** Reads the wanted variables with one request per device, all devices at once. */
    @Override
    public List<VariableReading> read(Collection<ControlVariable> wanted) throws ControlSystemException {
        Map<String, Map<String, ControlVariable>> byDevice = new LinkedHashMap<>();
        for (ControlVariable v : wanted) {
            byDevice.computeIfAbsent(v.device(), d -> new LinkedHashMap<>()).putIfAbsent(v.attribute(), v);
        }
        Map<String, CompletableFuture<List<JsonNode>>> answers = new LinkedHashMap<>();
        byDevice.forEach((device, attributes) -> answers.put(device, client.readValues(device, attributes.keySet())));
        Map<ControlVariable, VariableReading> readings = new LinkedHashMap<>();
        ControlSystemException first = null;
        for (Map.Entry<String, Map<String, ControlVariable>> device : byDevice.entrySet()) {
            try {
                TangoValues.readings(device.getKey(), device.getValue(),
                        TangoRestClient.await(answers.get(device.getKey())), Instant.now())
                        .forEach(r -> readings.put(r.variable(), r));
            } catch (ControlSystemException e) {
                // wait for every device before failing, and tell about every failing one
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw withAllMessages(first);
        }
        // in the order asked, not grouped by device
        return wanted.stream().map(readings::get).filter(Objects::nonNull).distinct().toList();
    }

    private static ControlSystemException withAllMessages(ControlSystemException first) {
        if (first.getSuppressed().length == 0) {
            return first;
        }
        StringBuilder message = new StringBuilder(first.getMessage());
        for (Throwable other : first.getSuppressed()) {
            message.append("; ").append(other.getMessage());
        }
        return new ControlSystemException(message.toString(), first);
    }
}
