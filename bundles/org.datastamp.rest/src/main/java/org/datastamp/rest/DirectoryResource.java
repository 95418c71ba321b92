package org.datastamp.rest;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.datastamp.catalog.api.CatalogException;
import org.datastamp.catalog.api.FacilityDirectory;
import org.datastamp.catalog.api.Proposal;
import org.datastamp.catalog.api.Session;
import org.datastamp.catalog.api.Viewer;

/**
 * The facility directory as far as a client needs it: {@code GET /api/v1/instruments} (public),
 * {@code GET /api/v1/proposals/{id}} (its members, staff of an instrument it had beamtime on, curators and admins;
 * 404 for everyone else, as for an unknown id) and {@code GET /api/v1/me} (the caller; 401 when anonymous).
 */
final class DirectoryResource {

    static final String INSTRUMENTS = "/instruments";
    static final String PROPOSALS = "/proposals";
    static final String ME = "/me";

    private final Supplier<FacilityDirectory> directory;

    DirectoryResource(Supplier<FacilityDirectory> directory) {
        this.directory = directory;
    }

    ApiResponse handle(ApiRequest request) throws ProblemException {
        String resource = request.resourcePath().substring(request.resourcePath().lastIndexOf('/'));
        Optional<String> id = request.itemSegment();
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
