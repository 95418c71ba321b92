package org.datastamp.rest;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.datastamp.catalog.api.CatalogException;
import org.datastamp.catalog.api.FacilityDirectory;
import org.datastamp.catalog.api.Proposal;
import org.datastamp.catalog.api.Session;
import org.datastamp.catalog.api.Viewer;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The facility directory as far as a client needs it: {@code GET /api/v1/instruments} (public),
 * {@code GET /api/v1/proposals/{id}} (its members, staff of an instrument it had beamtime on, curators and admins;
 * 404 for everyone else, as for an unknown id) and {@code GET /api/v1/me} (the caller; 401 when anonymous); curators
 * and admins create or replace instruments, persons, proposals, sessions and samples with
 * {@code PUT /api/v1/<kind>/{id}}.
 */
final class DirectoryResource {

    static final String INSTRUMENTS = "/instruments";
    static final String PROPOSALS = "/proposals";
    static final String ME = "/me";
    static final String PERSONS = "/persons";
    static final String SESSIONS = "/sessions";
    static final String SAMPLES = "/samples";

    private final Supplier<FacilityDirectory> directory;
    private final JsonCodec codec;

    DirectoryResource(Supplier<FacilityDirectory> directory, JsonCodec codec) {
        this.directory = directory;
        this.codec = codec;
    }

    ApiResponse handle(ApiRequest request) throws ProblemException {
        String resource = request.resourcePath().substring(request.resourcePath().lastIndexOf('/'));
        Optional<String> id = request.itemSegment();
        if (request.method().equals("PUT") && id.isPresent()) {
            return put(request, resource, id.get());
        }
        request.requireMethod("GET");
        FacilityDirectory current = available();
        try {
            return switch (resource) {
                case INSTRUMENTS -> {
                    requireNoItem(request, id);
                    yield ApiResponse.ok(JsonMapping.instruments(current.instruments()));
                }
                case PROPOSALS -> proposal(current, request, id.orElseThrow(() -> new ProblemException(
                        Problem.notFound("Proposals are addressed as " + request.resourcePath() + "/{id}"))));
                case ME -> {
                    requireNoItem(request, id);
                    yield me(current, request.viewer());
                }
                default -> throw new ProblemException(Problem.notFound("Nothing at " + request.resourcePath()));
            };
        } catch (CatalogException e) {
            throw CatalogErrors.problem("The facility directory", e);
        }
    }

    /**
     * Creates or replaces a directory record: {@code PUT /api/v1/{instruments|persons|proposals|sessions|samples}/{id}}.
     * Curators and admins only: these records decide who may see which data.
     */
    private ApiResponse put(ApiRequest request, String resource, String id) throws ProblemException {
        Viewer viewer = request.viewer();
        if (viewer.username().isEmpty()) {
            throw ApiAuthentication.unauthorized("Changing the facility directory needs a signed-in curator or admin");
        }
        if (!viewer.seesEverything()) {
            throw new ProblemException(Problem.forbidden("'" + viewer.username() + "' may not change the facility"
                    + " directory: only curators and admins may"));
        }
        JsonNode body = codec.read(request.body());
        FacilityDirectory current = available();
        try {
            return ApiResponse.ok(switch (resource) {
                case INSTRUMENTS -> JsonMapping.instruments(List.of(current.saveInstrument(
                        DirectoryReader.instrument(id, body)))).get(0);
                case PERSONS -> JsonMapping.person(current.savePerson(DirectoryReader.person(id, body)));
                case PROPOSALS -> {
                    Proposal saved = current.saveProposal(DirectoryReader.proposal(id, body));
                    yield JsonMapping.proposal(saved, current.sessions(saved.id()));
                }
                case SESSIONS -> JsonMapping.session(current.saveSession(DirectoryReader.session(id, body)));
                case SAMPLES -> JsonMapping.sample(current.saveSample(DirectoryReader.sample(id, body)));
                default -> throw new ProblemException(Problem.methodNotAllowed(request.resourcePath() + " answers GET,"
                        + " not PUT"), java.util.Map.of("Allow", "GET"));
            });
        } catch (CatalogException e) {
            throw CatalogErrors.problem("The facility directory", e);
        }
    }

    private static ApiResponse proposal(FacilityDirectory directory, ApiRequest request, String id)
            throws CatalogException, ProblemException {
        Optional<Proposal> proposal = directory.proposal(id);
        List<Session> sessions = proposal.isPresent() ? directory.sessions(id) : List.of();
        if (proposal.isEmpty() || !maySee(request.viewer(), proposal.get(), sessions)) {
            throw new ProblemException(Problem.notFound("No proposal '" + id + "' that you may see"));
        }
        return ApiResponse.ok(JsonMapping.proposal(proposal.get(), sessions));
    }

    static boolean maySee(Viewer viewer, Proposal proposal, List<Session> sessions) {
        return viewer.seesEverything() || viewer.proposals().contains(proposal.id())
                || (!viewer.username().isEmpty() && (proposal.members().contains(viewer.username())
                        || proposal.principalInvestigator().equals(viewer.username())))
                || sessions.stream().anyMatch(session -> viewer.staffOf().contains(session.instrument()));
    }

    private static ApiResponse me(FacilityDirectory directory, Viewer viewer) throws CatalogException,
            ProblemException {
        if (viewer.username().isEmpty()) {
            throw ApiAuthentication.unauthorized("Not signed in: send Basic or Bearer credentials");
        }
        return ApiResponse.ok(JsonMapping.me(viewer, directory.person(viewer.username())));
    }

    private static void requireNoItem(ApiRequest request, Optional<String> id) throws ProblemException {
        if (id.isPresent()) {
            throw new ProblemException(Problem.notFound("Nothing at " + request.resourcePath() + request.path()));
        }
    }

    private FacilityDirectory available() throws ProblemException {
        FacilityDirectory current = directory.get();
        if (current == null) {
            throw new ProblemException(Problem.unavailable("No facility directory is running; check that a catalogue"
                    + " bundle (e.g. org.datastamp.catalog.jdbc) is active"));
        }
        return current;
    }
}
