package org.datastamp.rest;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.datastamp.catalog.api.Viewer;
import org.datastamp.metadata.api.ConfigurationRevision;
import org.datastamp.metadata.api.InvalidConfigurationException;
import org.datastamp.metadata.api.MetadataConfiguration;
import org.datastamp.metadata.api.MetadataConfigurationException;
import org.datastamp.metadata.api.MetadataConfigurations;
import org.datastamp.metadata.api.UnknownRevisionException;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A beamline's scientific metadata configuration under {@code /api/v1/instruments/{id}/metadata-configuration}:
 * {@code GET} and {@code PUT} the configuration, {@code GET .../history}, {@code GET .../diff?from=&to=} (a unified
 * diff; {@code to} defaults to the current revision) and {@code POST .../restore {"revision"}}. Anyone may read;
 * writing needs a curator, an admin or staff of that instrument, and records the caller as the revision's author.
 */
final class MetadataConfigurationResource {

    private static final Pattern PATH = Pattern.compile("/([^/]+)/metadata-configuration(/[^/]*)?");

    private final Supplier<MetadataConfigurations> configurations;
    private final JsonCodec codec;

    MetadataConfigurationResource(Supplier<MetadataConfigurations> configurations, JsonCodec codec) {
        this.configurations = configurations;
        this.codec = codec;
    }

    /** Whether the request (to {@code /api/v1/instruments}) addresses a metadata configuration. */
    static boolean handles(ApiRequest request) {
        return PATH.matcher(request.path()).matches();
    }

    ApiResponse handle(ApiRequest request) throws ProblemException {
        Matcher m = PATH.matcher(request.path());
        if (!m.matches()) {
            throw new ProblemException(Problem.notFound("Nothing at " + request.resourcePath() + request.path()));
        }
        String instrument = m.group(1);
        String sub = m.group(2) == null ? "" : m.group(2);
        try {
            return switch (sub) {
                case "" -> {
                    request.requireMethod("GET", "PUT");
                    yield request.method().equals("PUT") ? save(request, instrument) : current(instrument);
                }
                case "/history" -> {
                    request.requireMethod("GET");
                    yield ApiResponse.ok(MetadataConfigurationJson.history(instrument,
                            available().history(instrument)));
                }
                case "/diff" -> {
                    request.requireMethod("GET");
                    yield diff(request, instrument);
                }
                case "/restore" -> {
                    request.requireMethod("POST");
                    yield restore(request, instrument);
                }
                default -> throw new ProblemException(Problem.notFound("Nothing at " + request.resourcePath()
                        + request.path() + "; see .../metadata-configuration, /history, /diff and /restore"));
            };
        } catch (UnknownRevisionException e) {
            throw new ProblemException(Problem.notFound(e.getMessage()));
        } catch (InvalidConfigurationException e) {
            throw new ProblemException(Problem.badRequest(e.getMessage()));
        } catch (MetadataConfigurationException e) {
            throw new ProblemException(Problem.internalError("The metadata configuration store failed: "
                    + e.getMessage()), e);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Problem.badRequest(e.getMessage()));
        }
    }

    private ApiResponse current(String instrument) throws ProblemException, MetadataConfigurationException {
        MetadataConfigurations store = available();
        return ApiResponse.ok(MetadataConfigurationJson.configuration(store.current(instrument),
                latest(store, instrument)));
    }

    private ApiResponse save(ApiRequest request, String instrument)
            throws ProblemException, MetadataConfigurationException {
        requireMayWrite(request.viewer(), instrument);
        JsonNode body = codec.read(request.body());
        MetadataConfiguration configuration = MetadataConfigurationJson.read(instrument, body);
        String message = JsonFields.optionalText(body, "", "message");
        MetadataConfigurations store = available();
        ConfigurationRevision revision = store.save(configuration, request.viewer().username(), message);
        return ApiResponse.ok(MetadataConfigurationJson.configuration(store.current(instrument),
                Optional.of(revision)));
    }

    private ApiResponse diff(ApiRequest request, String instrument)
            throws ProblemException, MetadataConfigurationException {
        String from = request.queryParameter("from").filter(s -> !s.isBlank()).orElseThrow(() -> new ProblemException(
                Problem.badRequest("Query parameter 'from' is required: the revision to compare from")
                        .with("field", "from")));
        MetadataConfigurations store = available();
        Optional<String> to = request.queryParameter("to").filter(s -> !s.isBlank());
        String toId = to.isPresent() ? to.get() : latest(store, instrument).map(ConfigurationRevision::id)
                .orElseThrow(() -> new ProblemException(Problem.notFound("No metadata configuration of '"
                        + instrument + "' has been saved")));
        String diff = store.diff(instrument, from, toId);
        return ApiResponse.ok(MetadataConfigurationJson.diff(instrument, from, toId, diff));
    }

    private ApiResponse restore(ApiRequest request, String instrument)
            throws ProblemException, MetadataConfigurationException {
        requireMayWrite(request.viewer(), instrument);
        JsonNode body = codec.read(request.body());
        JsonFields.refuseUnknown(body, "", Set.of("revision"));
        String revision = JsonFields.requiredText(body, "", "revision");
        ConfigurationRevision restored = available().restore(instrument, revision, request.viewer().username());
        return ApiResponse.ok(MetadataConfigurationJson.revision(restored));
    }

    private static Optional<ConfigurationRevision> latest(MetadataConfigurations store, String instrument)
            throws MetadataConfigurationException {
        List<ConfigurationRevision> history = store.history(instrument);
        return history.stream().findFirst();
    }

    /**
     * Curators and admins change any beamline's configuration, beamline staff their own beamlines': it decides what
     * every scan there records.
     */
    static void requireMayWrite(Viewer viewer, String instrument) throws ProblemException {
        if (viewer.username().isEmpty()) {
            throw ApiAuthentication.unauthorized("Changing a metadata configuration needs a signed-in member of the"
                    + " beamline's staff, a curator or an admin");
        }
        if (!viewer.seesEverything() && !viewer.staffOf().contains(instrument)) {
            throw new ProblemException(Problem.forbidden("'" + viewer.username() + "' may not change the metadata"
                    + " configuration of " + instrument + ": only its beamline staff, curators and admins may"));
        }
    }

    private MetadataConfigurations available() throws ProblemException {
        MetadataConfigurations current = configurations.get();
        if (current == null) {
            throw new ProblemException(Problem.unavailable("No metadata configuration service is running; check"
                    + " that bundle org.datastamp.metadata.git is active"));
        }
        return current;
    }
}
