package org.datastamp.doi.minting;

import static org.datastamp.doi.api.MintingException.Kind.CONFLICT;
import static org.datastamp.doi.api.MintingException.Kind.FORBIDDEN;
import static org.datastamp.doi.api.MintingException.Kind.INVALID;
import static org.datastamp.doi.api.MintingException.Kind.NOT_FOUND;
import static org.datastamp.doi.api.MintingException.Kind.PROVIDER_FAILED;
import static org.datastamp.doi.api.MintingException.Kind.UNAVAILABLE;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.datastamp.catalog.api.Catalog;
import org.datastamp.catalog.api.CatalogException;
import org.datastamp.catalog.api.ConflictException;
import org.datastamp.catalog.api.Dataset;
import org.datastamp.catalog.api.DatasetId;
import org.datastamp.catalog.api.DoiRequest;
import org.datastamp.catalog.api.DoiRequestState;
import org.datastamp.catalog.api.DoiRequests;
import org.datastamp.catalog.api.Facility;
import org.datastamp.catalog.api.FacilityDirectory;
import org.datastamp.catalog.api.InvalidInputException;
import org.datastamp.catalog.api.PublishedData;
import org.datastamp.catalog.api.Viewer;
import org.datastamp.doi.api.Doi;
import org.datastamp.doi.api.DoiException;
import org.datastamp.doi.api.DoiMetadata;
import org.datastamp.doi.api.DoiMinting;
import org.datastamp.doi.api.DoiProvider;
import org.datastamp.doi.api.MintRequest;
import org.datastamp.doi.api.MintingException;
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
 * The minting workflow over the catalogue's DOI requests. Approval writes the DOI into the request before asking the
 * provider, and the DOI is derived from the request id, so an approval cut short (crash, provider down) is completed
 * by approving again, or on the next start, with the same DOI.
 */
@Component(service = DoiMinting.class, configurationPid = MintingService.PID)
@Designate(ocd = MintingService.Config.class)
public class MintingService implements DoiMinting {

    static final String PID = "org.datastamp.doi.minting";
    static final int MAX_DATASETS = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(MintingService.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ID_CHARS = "23456789abcdefghjkmnpqrstuvwxyz".toCharArray();

    @ObjectClassDefinition(name = "DataSTaMP DOI minting", description = "Who mints DOIs and where they resolve to")
    public @interface Config {

        @AttributeDefinition(description = "Capability id of the DOI provider to register with: local-doi (test"
                + " prefix) or the capabilityId of a DataCite configuration")
        String provider() default "local-doi";

        @AttributeDefinition(description = "Public base URL of this platform; landing pages are <portalUrl>/doi/<doi>")
        String portalUrl() default "http://localhost:8080";

        @AttributeDefinition(description = "Start of every DOI suffix, before the request id; empty = the"
                + " facility id from the directory")
        String suffixPrefix() default "";
    }

    private final Catalog catalog;
    private final FacilityDirectory directory;
    private final DoiRequests store;
    private final String providerId;
    private final String portalUrl;
    private final String suffixPrefix;
    private final Clock clock;
    private final List<DoiProvider> providers = new CopyOnWriteArrayList<>();
    private final ExecutorService recovery = Executors.newSingleThreadExecutor(r -> new Thread(r, "doi-recovery"));

    @Activate
    public MintingService(Config config, @Reference Catalog catalog, @Reference FacilityDirectory directory,
            @Reference DoiRequests store) {
        this(catalog, directory, store, config.provider(), config.portalUrl(), config.suffixPrefix(),
                Clock.systemUTC());
        recovery.execute(this::completeInterruptedApprovals);
    }

    MintingService(Catalog catalog, FacilityDirectory directory, DoiRequests store, String providerId,
            String portalUrl, String suffixPrefix, Clock clock) {
        this.catalog = catalog;
        this.directory = directory;
        this.store = store;
        this.providerId = providerId.strip();
        this.portalUrl = portalUrl.strip().replaceAll("/+$", "");
        this.suffixPrefix = suffixPrefix.strip();
        this.clock = clock;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addProvider(DoiProvider provider) {
        providers.add(provider);
    }

    void removeProvider(DoiProvider provider) {
        providers.remove(provider);
    }

    @Deactivate
    void deactivate() {
        recovery.shutdownNow();
    }

    @Override
    public DoiMetadata proposeMetadata(List<DatasetId> datasets, Viewer viewer) throws MintingException {
        List<Dataset> owned = ownedDatasets(datasets, viewer);
        try {
            return new MetadataProposal(catalog, directory).propose(owned, viewer.username(), clock.instant());
        } catch (CatalogException e) {
            throw unavailable(e);
        }
    }

    @Override
    public MintRequest request(List<DatasetId> datasets, DoiMetadata metadata, Viewer viewer)
            throws MintingException {
        ownedDatasets(datasets, viewer);
        Instant now = clock.instant();
        DoiRequest request = new DoiRequest(newId(), datasets, viewer.username(), DoiRequestState.REQUESTED, "",
                MetadataJson.write(metadata.withLandingPage("")), now, null, "", "", now);
        try {
            DoiRequest created = store.createDoiRequest(request);
            LOG.info("DOI request {} by {} for {} datasets", created.id(), viewer.username(), datasets.size());
            return view(created);
        } catch (InvalidInputException e) {
            throw new MintingException(INVALID, e.field(), e.getMessage(), e);
        } catch (CatalogException e) {
            throw unavailable(e);
        }
    }

    @Override
    public MintRequest approve(String requestId, Viewer viewer) throws MintingException {
        requireCurator(viewer, "approve");
        DoiRequest request = stored(requestId, viewer);
        if (request.state() != DoiRequestState.REQUESTED && request.state() != DoiRequestState.APPROVED) {
            throw new MintingException(CONFLICT, "DOI request " + requestId + " is " + request.state()
                    + "; only a REQUESTED one can be approved (or an APPROVED one whose registration failed)");
        }
        DoiProvider provider = provider();
        Instant now = clock.instant();
        Doi doi = request.doi().isEmpty() ? new Doi(provider.prefix() + "/" + suffixPrefix() + request.id())
                : new Doi(request.doi());
        DoiRequest approved = update(request.with(DoiRequestState.APPROVED, doi.value(),
                request.decided() == null ? now : request.decided(), viewer.username(), "", now), request.state());
        LOG.info("DOI request {} approved by {} as {}", requestId, viewer.username(), doi.value());
        return view(register(approved, provider));
    }

    @Override
    public MintRequest reject(String requestId, String reason, Viewer viewer) throws MintingException {
        requireCurator(viewer, "reject");
        if (reason == null || reason.isBlank()) {
            throw new MintingException(INVALID, "reason", "A rejection needs a reason the requester can act on",
                    null);
        }
        DoiRequest request = stored(requestId, viewer);
        if (request.state() != DoiRequestState.REQUESTED) {
            throw new MintingException(CONFLICT, "DOI request " + requestId + " is " + request.state()
                    + "; only a REQUESTED one can be rejected");
        }
        Instant now = clock.instant();
        DoiRequest rejected = update(request.with(DoiRequestState.REJECTED, "", now, viewer.username(),
                reason.strip(), now), DoiRequestState.REQUESTED);
        LOG.info("DOI request {} rejected by {}", requestId, viewer.username());
        return view(rejected);
    }

    @Override
    public MintRequest find(String requestId, Viewer viewer) throws MintingException {
        return view(stored(requestId, viewer));
    }

    @Override
    public List<MintRequest> requests(Viewer viewer, int offset, int limit) throws MintingException {
        if (viewer.username().isEmpty()) {
            return List.of();
        }
        try {
            List<MintRequest> found = new ArrayList<>();
            for (DoiRequest r : store.doiRequests(null, viewer.seesEverything() ? "" : viewer.username(), null, null,
                    offset, limit)) {
                found.add(view(r));
            }
            return found;
        } catch (CatalogException e) {
            throw unavailable(e);
        }
    }

    @Override
    public Optional<MintRequest> registered(Doi doi) throws MintingException {
        try {
            Optional<DoiRequest> r = store.doiRequestByDoi(doi.value());
            return r.isPresent() && r.get().state() == DoiRequestState.REGISTERED ? Optional.of(view(r.get()))
                    : Optional.empty();
        } catch (CatalogException e) {
            throw unavailable(e);
        }
    }

    @Override
    public List<MintRequest> registered(Instant from, Instant until, int offset, int limit) throws MintingException {
        try {
            List<MintRequest> found = new ArrayList<>();
            for (DoiRequest r : store.doiRequests(DoiRequestState.REGISTERED, "", from, until, offset, limit)) {
                found.add(view(r));
            }
            return found;
        } catch (CatalogException e) {
            throw unavailable(e);
        }
    }

    /** Registers an approved request's DOI, publishes its datasets and marks it registered; each step idempotent. */
    private DoiRequest register(DoiRequest approved, DoiProvider provider) throws MintingException {
        Doi doi = new Doi(approved.doi());
        DoiMetadata metadata = MetadataJson.read(approved.metadata()).withLandingPage(landingPage(doi));
        try {
            provider.register(doi, metadata);
        } catch (DoiException e) {
            Instant now = clock.instant();
            update(approved.with(DoiRequestState.APPROVED, approved.doi(), approved.decided(), approved.decidedBy(),
                    "Registration with " + provider.capabilityId() + " failed: " + e.getMessage(), now),
                    DoiRequestState.APPROVED);
            LOG.warn("DOI request {}: registering {} with {} failed: {}", approved.id(), doi.value(),
                    provider.capabilityId(), e.getMessage());
            throw new MintingException(PROVIDER_FAILED, "", "Registering " + doi.value() + " with "
                    + provider.displayName() + " failed (approve again to retry): " + e.getMessage(), e);
        }
        try {
            catalog.publish(new PublishedData(doi.value(), metadata.title(), approved.datasets(),
                    approved.decided()));
        } catch (CatalogException e) {
            throw unavailable(e);
        }
        Instant now = clock.instant();
        DoiRequest done = update(approved.with(DoiRequestState.REGISTERED, approved.doi(), approved.decided(),
                approved.decidedBy(), "", now), DoiRequestState.APPROVED);
        LOG.info("DOI {} registered with {}; {} datasets public", doi.value(), provider.capabilityId(),
                approved.datasets().size());
        return done;
    }

    /** On start: approvals a crash or shutdown cut short are completed (not those that failed with a reason). */
    void completeInterruptedApprovals() {
        try {
            for (DoiRequest r : store.doiRequests(DoiRequestState.APPROVED, "", null, null, 0, 1000)) {
                if (r.note().isEmpty()) {
                    LOG.info("Completing the interrupted approval of DOI request {} ({})", r.id(), r.doi());
                    register(r, provider());
                }
            }
        } catch (CatalogException | MintingException | RuntimeException e) {
            LOG.warn("Interrupted DOI approvals not completed now (approve them again): {}", e.getMessage());
        }
    }

    String landingPage(Doi doi) {
        return portalUrl + "/doi/" + doi.value();
    }

    private String suffixPrefix() throws MintingException {
        if (!suffixPrefix.isEmpty()) {
            return suffixPrefix + ".";
        }
        try {
            return directory.facility().map(Facility::id).orElse("datastamp") + ".";
        } catch (CatalogException e) {
            throw unavailable(e);
        }
    }

    private DoiProvider provider() throws MintingException {
        for (DoiProvider p : providers) {
            if (p.capabilityId().equals(providerId)) {
                return p;
            }
        }
        throw new MintingException(UNAVAILABLE, "The DOI provider '" + providerId + "' is not running (installed: "
                + providers.stream().map(DoiProvider::capabilityId).toList() + "); check " + PID + ".cfg provider");
    }

    /** The datasets, each visible to the viewer and theirs to publish (proposal, beamline, or curator). */
    private List<Dataset> ownedDatasets(List<DatasetId> ids, Viewer viewer) throws MintingException {
        if (viewer.username().isEmpty()) {
            throw new MintingException(FORBIDDEN, "Sign in to ask for a DOI");
        }
        if (ids == null || ids.isEmpty() || ids.size() > MAX_DATASETS) {
            throw new MintingException(INVALID, "datasets", "Select between 1 and " + MAX_DATASETS + " datasets",
                    null);
        }
        if (new HashSet<>(ids).size() != ids.size()) {
            throw new MintingException(INVALID, "datasets", "A dataset is selected twice", null);
        }
        List<Dataset> found = new ArrayList<>();
        try {
            for (int i = 0; i < ids.size(); i++) {
                Optional<Dataset> d = catalog.find(ids.get(i), viewer);
                if (d.isEmpty()) {
                    throw new MintingException(NOT_FOUND, "datasets[" + i + "]", "No dataset " + ids.get(i).value(),
                            null);
                }
                Dataset dataset = d.get();
                if (!viewer.seesEverything() && !viewer.proposals().contains(dataset.access().proposalId())
                        && !viewer.staffOf().contains(dataset.access().instrument())) {
                    throw new MintingException(FORBIDDEN, "datasets[" + i + "]", "Dataset " + ids.get(i).value()
                            + " is not yours to publish: ask a member of its proposal or a curator", null);
                }
                if (!dataset.doi().isEmpty()) {
                    throw new MintingException(CONFLICT, "datasets[" + i + "]", "Dataset " + ids.get(i).value()
                            + " is already published as DOI " + dataset.doi(), null);
                }
                found.add(dataset);
            }
        } catch (CatalogException e) {
            throw unavailable(e);
        }
        return found;
    }

    private static void requireCurator(Viewer viewer, String what) throws MintingException {
        if (!viewer.seesEverything()) {
            throw new MintingException(FORBIDDEN, "Only curators may " + what + " DOI requests");
        }
    }

    /** A request the viewer may see: their own, or any for curators; otherwise not found (existence not leaked). */
    private DoiRequest stored(String id, Viewer viewer) throws MintingException {
        Optional<DoiRequest> r;
        try {
            r = store.doiRequest(id);
        } catch (CatalogException e) {
            throw unavailable(e);
        }
        boolean own = !viewer.username().isEmpty() && r.isPresent() && r.get().requester().equals(viewer.username());
        if (r.isEmpty() || !(own || viewer.seesEverything())) {
            throw new MintingException(NOT_FOUND, "No DOI request " + id);
        }
        return r.get();
    }

    private DoiRequest update(DoiRequest changed, DoiRequestState expected) throws MintingException {
        try {
            return store.updateDoiRequest(changed, expected);
        } catch (ConflictException e) {
            throw new MintingException(CONFLICT, "", e.getMessage(), e);
        } catch (CatalogException e) {
            throw unavailable(e);
        }
    }

    private MintRequest view(DoiRequest r) {
        DoiMetadata metadata = MetadataJson.read(r.metadata());
        if (!r.doi().isEmpty()) {
            metadata = metadata.withLandingPage(landingPage(new Doi(r.doi())));
        }
        return new MintRequest(r.id(), r.datasets(), r.requester(), r.state(), r.doi(), metadata, r.requested(),
                r.decided(), r.decidedBy(), r.note(), r.updated());
    }

    private static MintingException unavailable(CatalogException e) {
        return new MintingException(UNAVAILABLE, "", "The catalogue could not be used: " + e.getMessage(), e);
    }

    private static String newId() {
        StringBuilder id = new StringBuilder("dr-");
        for (int i = 0; i < 8; i++) {
            id.append(ID_CHARS[RANDOM.nextInt(ID_CHARS.length)]);
        }
        return id.toString();
    }
}
