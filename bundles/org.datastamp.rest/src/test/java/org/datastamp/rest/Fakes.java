package org.datastamp.rest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.datastamp.acquisition.api.ScanException;
import org.datastamp.acquisition.api.ScanId;
import org.datastamp.acquisition.api.ScanRequest;
import org.datastamp.acquisition.api.ScanService;
import org.datastamp.acquisition.api.ScanState;
import org.datastamp.acquisition.api.ScanStatus;
import org.datastamp.catalog.api.Attachment;
import org.datastamp.catalog.api.Catalog;
import org.datastamp.catalog.api.CatalogException;
import org.datastamp.catalog.api.ConflictException;
import org.datastamp.catalog.api.Datafile;
import org.datastamp.catalog.api.Dataset;
import org.datastamp.catalog.api.DatasetAccess;
import org.datastamp.catalog.api.DatasetChange;
import org.datastamp.catalog.api.DatasetId;
import org.datastamp.catalog.api.DatasetSearch;
import org.datastamp.catalog.api.DatasetType;
import org.datastamp.catalog.api.Facet;
import org.datastamp.catalog.api.FacetValue;
import org.datastamp.catalog.api.Facility;
import org.datastamp.catalog.api.FacilityDirectory;
import org.datastamp.catalog.api.Ingest;
import org.datastamp.catalog.api.Instrument;
import org.datastamp.catalog.api.Lifecycle;
import org.datastamp.catalog.api.MetadataEntry;
import org.datastamp.catalog.api.NewDataset;
import org.datastamp.catalog.api.Person;
import org.datastamp.catalog.api.Proposal;
import org.datastamp.catalog.api.Publication;
import org.datastamp.catalog.api.PublishedData;
import org.datastamp.catalog.api.QuerySyntaxException;
import org.datastamp.catalog.api.Sample;
import org.datastamp.catalog.api.SearchHit;
import org.datastamp.catalog.api.SearchRequest;
import org.datastamp.catalog.api.SearchResult;
import org.datastamp.catalog.api.Session;
import org.datastamp.catalog.api.Viewer;
import org.datastamp.core.api.CapabilityInfo;
import org.datastamp.core.api.CapabilityKind;
import org.datastamp.core.api.CapabilityRegistry;
import org.datastamp.core.api.CapabilityState;
import org.datastamp.security.api.AuthenticationException;
import org.datastamp.security.api.Authenticator;
import org.datastamp.security.api.BearerToken;
import org.datastamp.security.api.Credentials;
import org.datastamp.security.api.PasswordCredentials;

/** Small in-memory stand-ins for the services the REST resources use. */
final class Fakes {

    private Fakes() {
    }

    static final Instant T0 = Instant.parse("2026-01-31T12:00:00Z");

    /** An embargo far in the future: datasets made with {@link #dataset} are private unless said otherwise. */
    static final Instant NEVER = Instant.parse("2999-01-01T00:00:00Z");

    /** A private dataset of proposal {@code 20240123} on instrument {@code CoSAXS}. */
    static Dataset dataset(String id, int minutesAfterT0) {
        return dataset(id, minutesAfterT0, "CoSAXS", "20240123", NEVER);
    }

    static Dataset dataset(String id, int minutesAfterT0, String instrument, String proposal, Instant publicFrom) {
        return new Dataset(new DatasetId(id), T0.plusSeconds(60L * minutesAfterT0 + 6),
                content("Scan " + id, instrument, proposal, minutesAfterT0), Lifecycle.onHotDisk(),
                new DatasetAccess(proposal, instrument, publicFrom), "");
    }

    static NewDataset content(String title, String instrument, String proposal, int minutesAfterT0) {
        Instant start = T0.plusSeconds(60L * minutesAfterT0);
        return new NewDataset(title, DatasetType.RAW, instrument, "lysozyme", "hot/" + title.replace(' ', '-'),
                start, start.plusSeconds(5),
                List.of(new Datafile("scan.nxs", 2048, "SHA-256", "ab".repeat(32), start.plusSeconds(5))),
                List.of(new MetadataEntry("sample_temperature", 293.5, "K"),
                        new MetadataEntry("frames", 10, ""),
                        new MetadataEntry("shutter_open", true, ""),
                        new MetadataEntry("energies", List.of(1L, 2.5, "x"), "keV")),
                "", proposal, "", "", "SAXS", List.of("protein"), List.of());
    }

    /** The access rule of {@link Viewer}, as the fakes apply it. */
    static boolean visible(Dataset dataset, Viewer viewer) {
        return viewer.seesEverything() || viewer.proposals().contains(dataset.access().proposalId())
                || viewer.staffOf().contains(dataset.access().instrument())
                || !dataset.access().publicFrom().isAfter(T0.plusSeconds(86_400));
    }

    static Viewer member(String username, String proposal) {
        return new Viewer(username, Set.of(proposal), Set.of(), false);
    }

    static Viewer staff(String username, String instrument) {
        return new Viewer(username, Set.of(), Set.of(instrument), false);
    }

    static Viewer curator() {
        return new Viewer("curator", Set.of(), Set.of(), true);
    }

    /** A catalogue in a list: applies the access rule, registers idempotently, refuses a reused id (409). */
    static final class FakeCatalog implements Catalog {
        final List<Dataset> datasets = new ArrayList<>();
        boolean broken;
        CatalogException refusal;
        private int next = 1;

        @Override
        public String capabilityId() {
            return "fake-catalog";
        }

        @Override
        public String displayName() {
            return "Fake catalogue";
        }

        @Override
        public Dataset register(NewDataset dataset) throws CatalogException {
            return register(new DatasetId("ds-new-" + next++), dataset);
        }

        @Override
        public Dataset register(DatasetId id, NewDataset dataset) throws CatalogException {
            check();
            if (refusal != null) {
                throw refusal;
            }
            Optional<Dataset> recorded = datasets.stream().filter(d -> d.id().equals(id)).findFirst();
            if (recorded.isPresent()) {
                if (!recorded.get().content().equals(dataset)) {
                    throw new ConflictException("Dataset id '" + id + "' is recorded with different content");
                }
                return recorded.get();
            }
            Dataset created = new Dataset(id, T0, dataset, Lifecycle.onHotDisk(),
                    new DatasetAccess(dataset.proposalId(), dataset.instrument(), NEVER), "");
            datasets.add(created);
            return created;
        }

        @Override
        public List<Dataset> registerAll(List<Ingest> batch) throws CatalogException {
            List<Dataset> before = new ArrayList<>(datasets);
            List<Dataset> recorded = new ArrayList<>();
            try {
                for (Ingest ingest : batch) {
                    recorded.add(register(ingest.id(), ingest.dataset()));
                }
            } catch (CatalogException e) {
                datasets.clear();
                datasets.addAll(before);
                throw e;
            }
            return recorded;
        }

        @Override
        public Optional<Dataset> find(DatasetId id, Viewer viewer) throws CatalogException {
            check();
            return datasets.stream().filter(d -> d.id().equals(id) && visible(d, viewer)).findFirst();
        }

        @Override
        public List<Dataset> list(Viewer viewer, int offset, int limit) throws CatalogException {
            check();
            return datasets.stream().filter(d -> visible(d, viewer))
                    .sorted(Comparator.comparing(Dataset::created).reversed()).skip(offset).limit(limit).toList();
        }

        @Override
        public long count(Viewer viewer) throws CatalogException {
            check();
            return datasets.stream().filter(d -> visible(d, viewer)).count();
        }

        @Override
        public void updateLifecycle(DatasetId id, Lifecycle lifecycle) {
            throw new UnsupportedOperationException();
        }

        @Override
        public PublishedData publish(PublishedData published) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<PublishedData> publishedData(String doi) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Publication savePublication(Publication publication) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Publication> publications(DatasetId id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Attachment attach(Attachment attachment, byte[] content) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Attachment> attachments(DatasetId id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<byte[]> attachmentContent(String attachmentId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String instanceId() {
            return "fake-catalogue";
        }

        @Override
        public List<DatasetChange> changesSince(long sequence, int limit) {
            throw new UnsupportedOperationException();
        }

        private void check() throws CatalogException {
            if (broken) {
                throw new CatalogException("database file is locked");
            }
        }
    }

    /**
     * A search over a {@link FakeCatalog}: a blank query or a word of the title matches; {@code !} fails with a
     * syntax error at its position. Hits and instrument facet counts are only of datasets the viewer may see.
     */
    static final class FakeSearch implements DatasetSearch {
        final FakeCatalog catalog;
        SearchRequest lastRequest;
        Viewer lastViewer;

        FakeSearch(FakeCatalog catalog) {
            this.catalog = catalog;
        }

        @Override
        public SearchResult search(SearchRequest request, Viewer viewer) throws CatalogException {
            lastRequest = request;
            lastViewer = viewer;
            int bang = request.query().indexOf('!');
            if (bang >= 0) {
                throw new QuerySyntaxException(request.query(), bang, "unexpected '!'");
            }
            List<Dataset> matches = catalog.datasets.stream().filter(d -> visible(d, viewer))
                    .filter(d -> request.query().isBlank() || d.content().title().contains(request.query().strip()))
                    .toList();
            List<SearchHit> hits = matches.stream().skip(request.offset()).limit(request.limit())
                    .map(d -> new SearchHit(d.id(), d.content().title(), d.content().instrument(),
                            d.content().proposalId(), d.content().technique(), d.content().startTime(), d.size(), 0f))
                    .toList();
            List<Facet> facets = new ArrayList<>();
            for (String name : request.facets()) {
                Map<String, Long> counts = new TreeMap<>();
                if (name.equals("instrument")) {
                    matches.forEach(d -> counts.merge(d.content().instrument(), 1L, Long::sum));
                }
                facets.add(new Facet(name, counts.entrySet().stream()
                        .map(e -> new FacetValue(e.getKey(), e.getValue())).toList()));
            }
            return new SearchResult(matches.size(), hits, facets);
        }
    }

    /** Users and their rights, as the directory would give them. */
    static final class FakeDirectory implements FacilityDirectory {
        final Map<String, Viewer> viewers = new HashMap<>();
        final Map<String, Person> people = new HashMap<>();
        final Map<String, Proposal> proposals = new HashMap<>();
        final List<Session> sessions = new ArrayList<>();
        final List<Instrument> instruments = new ArrayList<>();

        @Override
        public Viewer viewer(String username) {
            return viewers.getOrDefault(username, new Viewer(username, Set.of(), Set.of(), false));
        }

        @Override
        public Optional<Person> person(String username) {
            return Optional.ofNullable(people.get(username));
        }

        @Override
        public Optional<Proposal> proposal(String id) {
            return Optional.ofNullable(proposals.get(id));
        }

        @Override
        public List<Session> sessions(String proposalId) {
            return sessions.stream().filter(s -> s.proposalId().equals(proposalId)).toList();
        }

        @Override
        public List<Instrument> instruments() {
            return List.copyOf(instruments);
        }

        @Override
        public Optional<Session> session(String id) {
            return sessions.stream().filter(s -> s.id().equals(id)).findFirst();
        }

        @Override
        public Optional<Sample> sample(String id) {
            return Optional.empty();
        }

        @Override
        public Optional<Instrument> instrument(String id) {
            return instruments.stream().filter(i -> i.id().equals(id)).findFirst();
        }

        @Override
        public Facility saveFacility(Facility facility) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Facility> facility() {
            return Optional.empty();
        }

        @Override
        public Instrument saveInstrument(Instrument instrument) {
            instruments.removeIf(i -> i.id().equals(instrument.id()));
            instruments.add(instrument);
            return instrument;
        }

        @Override
        public Proposal saveProposal(Proposal proposal) {
            proposals.put(proposal.id(), proposal);
            return proposal;
        }

        @Override
        public Session saveSession(Session session) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Sample saveSample(Sample sample) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Person savePerson(Person person) {
            people.put(person.username(), person);
            return person;
        }

        @Override
        public Optional<String> passwordHash(String username) {
            return Optional.empty();
        }

        @Override
        public void setPasswordHash(String username, String hash) {
            throw new UnsupportedOperationException();
        }
    }

    /** Accepts the listed passwords and tokens; remembers what it was asked. */
    static final class FakeAuthenticator implements Authenticator {
        final Map<String, String> passwords = new HashMap<>();
        final Map<String, String> tokens = new HashMap<>();
        Credentials last;

        @Override
        public String authenticate(Credentials credentials) throws AuthenticationException {
            last = credentials;
            if (credentials instanceof PasswordCredentials password
                    && password.password().equals(passwords.get(password.username()))) {
                return password.username();
            }
            if (credentials instanceof BearerToken bearer && tokens.containsKey(bearer.token())) {
                return tokens.get(bearer.token());
            }
            throw new AuthenticationException("unknown user or wrong password");
        }
    }

    static final class FakeRegistry implements CapabilityRegistry {
        final List<CapabilityInfo> infos = new ArrayList<>();

        FakeRegistry with(CapabilityKind kind, String id) {
            infos.add(new CapabilityInfo(kind, id, "Name of " + id, "org.example." + id, "1.2.3.v2026", CapabilityState.ACTIVE));
            return this;
        }

        @Override
        public List<CapabilityInfo> capabilities() {
            return List.copyOf(infos);
        }

        @Override
        public AutoCloseable onChange(Consumer<List<CapabilityInfo>> listener) {
            return () -> {
            };
        }
    }

    static final class FakeScanService implements ScanService {
        final List<ScanStatus> scans = new ArrayList<>();
        String refusal;

        @Override
        public ScanStatus start(ScanRequest request) throws ScanException {
            if (refusal != null) {
                throw new ScanException(refusal);
            }
            ScanStatus status = new ScanStatus(new ScanId(String.format("scan-%06d", scans.size() + 1)), request,
                    ScanState.QUEUED, 0, Optional.empty(), Optional.empty());
            scans.add(0, status);
            return status;
        }

        @Override
        public Optional<ScanStatus> status(ScanId id) {
            return scans.stream().filter(s -> s.id().equals(id)).findFirst();
        }

        @Override
        public List<ScanStatus> recent() {
            return List.copyOf(scans);
        }
    }
}
