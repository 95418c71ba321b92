package org.datastamp.analytics.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.datastamp.analytics.api.AnalysisException;
import org.datastamp.analytics.api.AnalysisException.Reason;
import org.datastamp.analytics.api.AnalysisJob;
import org.datastamp.analytics.api.JobRequest;
import org.datastamp.analytics.api.JobState;
import org.datastamp.analytics.api.Lineage;
import org.datastamp.analytics.api.LineageEdge;
import org.datastamp.analytics.api.LineageNode;
import org.datastamp.analytics.api.ParameterKind;
import org.datastamp.analytics.api.ParameterSpec;
import org.datastamp.analytics.api.PluginDescription;
import org.datastamp.analytics.api.ProcessingContext;
import org.datastamp.analytics.api.ProcessingException;
import org.datastamp.analytics.api.ProcessingPlugin;
import org.datastamp.analytics.api.ProcessingResult;
import org.datastamp.catalog.api.Catalog;
import org.datastamp.catalog.api.Datafile;
import org.datastamp.catalog.api.Dataset;
import org.datastamp.catalog.api.DatasetId;
import org.datastamp.catalog.api.DatasetType;
import org.datastamp.catalog.api.FacilityDirectory;
import org.datastamp.catalog.api.Instrument;
import org.datastamp.catalog.api.MetadataEntry;
import org.datastamp.catalog.api.NewDataset;
import org.datastamp.catalog.api.NormalizedQuantity;
import org.datastamp.catalog.api.Person;
import org.datastamp.catalog.api.Proposal;
import org.datastamp.catalog.api.Role;
import org.datastamp.catalog.api.Session;
import org.datastamp.catalog.api.Viewer;
import org.datastamp.catalog.jdbc.CatalogDatabases;
import org.datastamp.storage.api.RecallState;
import org.datastamp.storage.api.RecallStatus;
import org.datastamp.storage.api.RecallTicket;
import org.datastamp.visualization.api.DatasetFileLocator;
import org.datastamp.visualization.api.FileLocation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The job service's behaviour on every database the catalogue supports. */
abstract class JobsContract {

    static final Instant T0 = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);

    /** JDBC URL of an empty database for one test. */
    abstract String emptyDatabase() throws Exception;

    @TempDir
    Path dir;

    DataSource dataSource;
    Catalog catalog;
    JobStore store;
    Plugins plugins;
    DirectoryTier tier;
    TestPlugin plugin;
    JobService service;
    Dataset raw;
    /** Files the locator reports as on tape while a recall runs, by dataset id. */
    final Set<String> onTape = java.util.concurrent.ConcurrentHashMap.newKeySet();
    final AtomicBoolean recallFails = new AtomicBoolean();

    final Viewer pia = new Viewer("pia", Set.of("P1"), Set.of(), false);
    final Viewer mem = new Viewer("mem", Set.of("P1"), Set.of(), false);
    final Viewer outsider = new Viewer("out", Set.of(), Set.of(), false);
    final Viewer curator = new Viewer("cur", Set.of(), Set.of(), true);

    @BeforeEach
    void open() throws Exception {
        String url = emptyDatabase();
        dataSource = CatalogDatabases.migrated(url, url.startsWith("jdbc:postgresql") ? "postgres" : "datastamp", "");
        catalog = CatalogDatabases.catalog(dataSource, (v, unit) -> new NormalizedQuantity(v, unit));
        FacilityDirectory directory = (FacilityDirectory) catalog;
        directory.saveInstrument(new Instrument("CoSAXS", "CoSAXS", List.of("SAXS")));
        directory.savePerson(new Person("pia", "Pia Investigator", "", "", "", Set.of(Role.SCIENTIST), Set.of()));
        directory.saveProposal(new Proposal("P1", "Protein folding", "", "pia", Set.of("mem"), Period.ofYears(3)));
        directory.saveProposal(new Proposal("P2", "Other group", "", "oth", Set.of(), Period.ofYears(3)));
        directory.saveSession(new Session("S1", "P1", "CoSAXS", T0, T0.plus(Duration.ofHours(8))));
        store = new JobStore(dataSource);
        plugins = new Plugins();
        tier = new DirectoryTier(Files.createDirectories(dir.resolve("hot")));
        plugin = new TestPlugin();
        plugins.add(plugin);
        raw = rawDataset("Scan 1", "P1", "frames 1");
        service = service(2, 10);
    }

    @AfterEach
    void close() {
        plugin.release.countDown();
        service.shutdown(Duration.ofSeconds(10));
    }

    JobService service(int workers, int capacity) throws AnalysisException {
        DatasetFileLocator locator = (dataset, path) -> {
            if (onTape.contains(dataset.id().value())) {
                return new FileLocation.Recalling("tape", new RecallStatus(new RecallTicket("r1"), recallFails.get()
                        ? RecallState.FAILED : RecallState.STAGING, 0, 1, null, recallFails.get()
                                ? "cartridge T00042 is damaged" : ""));
            }
            return new FileLocation.Readable(tier.localFile(dataset.content().location() + "/" + path));
        };
        return new JobService(new JobEnvironment(new JobEnvironment.Settings(workers, capacity, Duration.ofMillis(20),
                "hot-disk", dir.resolve("staging")), store, catalog, plugins, () -> Optional.of(locator),
                id -> id.equals("hot-disk") ? Optional.of(tier) : Optional.empty(), unit -> true,
                Clock.systemUTC()));
    }

    /** A raw dataset of proposal {@code proposal} with one file in the hot tier. */
    Dataset rawDataset(String title, String proposal, String content) throws Exception {
        String location = "raw/" + title.replace(' ', '-');
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        tier.put(location + "/frames.dat", new java.io.ByteArrayInputStream(bytes));
        return catalog.register(new NewDataset(title, DatasetType.RAW, "CoSAXS", "lysozyme", location, T0,
                T0.plusSeconds(10), List.of(new Datafile("frames.dat", bytes.length, "SHA-256", sha256(bytes), T0)),
                List.of(), "", proposal, proposal.equals("P1") ? "S1" : "", "", "SAXS", List.of(), List.of()));
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    JobRequest request(DatasetId input) {
        return new JobRequest("test-plugin", List.of(input), Map.of("label", "first try"), "");
    }

    AnalysisJob awaitFinal(String id) throws Exception {
        return await(id, j -> j.state().isFinal(), "a final state");
    }

    AnalysisJob await(String id, java.util.function.Predicate<AnalysisJob> condition, String what) throws Exception {
        // A guard against a hung test, not a timing assertion.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            AnalysisJob job = store.find(id).orElseThrow();
            if (condition.test(job)) {
                return job;
            }
            Thread.sleep(10);
        }
        fail("Job " + id + " did not reach " + what + ": " + store.find(id));
        return null;
    }

    static MetadataEntry metadata(Dataset d, String name) {
        return d.content().metadata().stream().filter(m -> m.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no metadata " + name + " in " + d.content().metadata()));
    }

    // --- the job lifecycle

    @Test
    void aJobRunsThePluginAndRegistersADerivedDatasetWithItsInputsAndProvenance() throws Exception {
        AnalysisJob queued = service.submit(request(raw.id()), pia);
        assertEquals(JobState.QUEUED, queued.state());
        assertEquals("1.2.3", queued.pluginVersion());
        assertEquals(Map.of("label", "first try", "factor", "2", "mode", "fast", "bins", "100", "flag", "false"),
                queued.request().parameters(), "every declared parameter with its effective value");

        AnalysisJob done = awaitFinal(queued.id());

        assertEquals(JobState.SUCCEEDED, done.state(), done.message());
        assertEquals(1.0, done.progress());
        assertTrue(done.started().isPresent() && done.finished().isPresent());
        Dataset derived = catalog.find(done.output().orElseThrow(), mem).orElseThrow(
                () -> new AssertionError("a member of the input's proposal sees the derived dataset"));
        NewDataset c = derived.content();
        assertEquals(DatasetType.DERIVED, c.type());
        assertEquals(List.of(raw.id()), c.inputs());
        assertEquals("P1", c.proposalId());
        assertEquals("S1", c.sessionId());
        assertEquals("CoSAXS", c.instrument());
        assertEquals("Sum of 1 inputs", c.title());
        String year = String.valueOf(done.started().get().atZone(ZoneOffset.UTC).getYear());
        assertEquals("derived/" + year + "/" + done.id(), c.location());
        byte[] written = "8 bytes read\n".getBytes(StandardCharsets.UTF_8);
        assertEquals(List.of("result.txt"), c.files().stream().map(Datafile::path).toList());
        Datafile file = c.files().get(0);
        assertEquals(written.length, file.size());
        assertEquals("SHA-256", file.checksumAlgorithm());
        assertEquals(sha256(written), file.checksum());
        assertEquals("8 bytes read\n", Files.readString(tier.root.resolve(c.location() + "/result.txt")));
        assertEquals("test-plugin", (metadata(derived, "provenance.plugin")).value());
        assertEquals("1.2.3", (metadata(derived, "provenance.plugin_version")).value());
        assertEquals(done.id(), (metadata(derived, "provenance.job")).value());
        assertEquals(new MetadataEntry("provenance.parameter.factor", 2.0, "mm"),
                metadata(derived, "provenance.parameter.factor"));
        assertEquals(new MetadataEntry("provenance.parameter.bins", 100L, ""),
                metadata(derived, "provenance.parameter.bins"));
        assertEquals("first try", (metadata(derived, "provenance.parameter.label")).value());
        assertEquals(8L, (metadata(derived, "bytes_read")).value());
        assertFalse(Files.exists(dir.resolve("staging/analytics/" + done.id())), "the staging folder is removed");
    }

    @Test
    void aTitleInTheRequestNamesTheDerivedDataset() throws Exception {
        AnalysisJob done = awaitFinal(service.submit(new JobRequest("test-plugin", List.of(raw.id()),
                Map.of("label", "x"), "My reduction"), pia).id());
        assertEquals("My reduction", catalog.find(done.output().orElseThrow(), pia).orElseThrow().content().title());
    }

    @Test
    void aPluginsProcessingExceptionFailsTheJobWithItsMessageAndLeavesNoDataset() throws Exception {
        plugin.failWith = "The detector geometry has no beam centre; set beam_center_x in the metadata";
        long before = catalog.count(Viewer.system());

        AnalysisJob done = awaitFinal(service.submit(request(raw.id()), pia).id());

        assertEquals(JobState.FAILED, done.state());
        assertEquals(plugin.failWith, done.message());
        assertEquals(Optional.empty(), done.output());
        assertEquals(before, catalog.count(Viewer.system()));
        assertEquals(List.of(), tier.list("derived/"), "nothing reaches the tier");
    }

    @Test
    void cancellingARunningJobEndsItCancelledWithoutADataset() throws Exception {
        plugin.block = true;
        AnalysisJob job = service.submit(request(raw.id()), pia);
        assertTrue(plugin.started.await(60, TimeUnit.SECONDS));
        assertEquals(0.5, await(job.id(), j -> j.progress() == 0.5, "half way").progress());
        long before = catalog.count(Viewer.system());

        AnalysisJob asked = service.cancel(job.id(), pia);

        AnalysisJob done = awaitFinal(job.id());
        assertTrue(asked.state() == JobState.RUNNING || asked.state() == JobState.CANCELLED);
        assertEquals(JobState.CANCELLED, done.state());
        assertEquals("Cancelled by pia", done.message());
        assertEquals(before, catalog.count(Viewer.system()));
        assertEquals(List.of(), tier.list("derived/"));
        assertTrue(plugin.sawCancellation.get(), "the plugin saw checkCancelled throw");
        assertEquals(done, service.cancel(job.id(), pia), "cancelling a finished job changes nothing");
    }

    /** A service with one worker busy on a blocking job and a second job waiting in a queue of {@code capacity}. */
    List<AnalysisJob> oneBusyWorkerAndAQueuedJob(int capacity) throws Exception {
        service.shutdown(Duration.ofSeconds(10));
        service = service(1, capacity);
        plugin.block = true;
        AnalysisJob first = service.submit(request(raw.id()), pia);
        assertTrue(plugin.started.await(60, TimeUnit.SECONDS));
        return List.of(first, service.submit(request(raw.id()), pia));
    }

    @Test
    void cancellingAQueuedJobEndsItBeforeItStarts() throws Exception {
        List<AnalysisJob> jobs = oneBusyWorkerAndAQueuedJob(5);
        AnalysisJob first = jobs.get(0);
        AnalysisJob second = jobs.get(1);

        AnalysisJob cancelled = service.cancel(second.id(), pia);

        assertEquals(JobState.CANCELLED, cancelled.state());
        assertEquals("Cancelled by pia before it started", cancelled.message());
        assertTrue(cancelled.started().isEmpty());
        plugin.release.countDown();
        assertEquals(JobState.SUCCEEDED, awaitFinal(first.id()).state());
        assertEquals(1, plugin.runs.get(), "the cancelled job never ran");
    }

    @Test
    void aFullQueueAnswersUnavailableAndRecordsNothing() throws Exception {
        oneBusyWorkerAndAQueuedJob(1);

        AnalysisException full = assertThrows(AnalysisException.class, () -> service.submit(request(raw.id()), pia));

        assertEquals(Reason.UNAVAILABLE, full.reason());
        assertTrue(full.getMessage().contains("queue is full"), full.getMessage());
        assertEquals(2, service.jobs(pia, 0, 10).size());
    }

    @Test
    void parametersAreCheckedAgainstThePluginBeforeAnythingIsQueued() throws Exception {
        Map<Map<String, String>, String> bad = Map.of(
                Map.of("label", "x", "colour", "red"), "'colour'",
                Map.of(), "'label'",
                Map.of("label", "x", "factor", "two"), "'factor' must be a number",
                Map.of("label", "x", "bins", "1.5"), "'bins' must be a whole number",
                Map.of("label", "x", "flag", "yes"), "'flag' must be true or false",
                Map.of("label", "x", "mode", "slow"), "'mode' must be one of fast, exact");
        for (var b : bad.entrySet()) {
            AnalysisException e = assertThrows(AnalysisException.class, () -> service.submit(new JobRequest(
                    "test-plugin", List.of(raw.id()), b.getKey(), ""), pia), b.getValue());
            assertEquals(Reason.INVALID, e.reason(), e.getMessage());
            assertTrue(e.getMessage().contains(b.getValue()), e.getMessage());
        }
        assertEquals(List.of(), service.jobs(pia, 0, 10));
    }

    @Test
    void aViewerWhoCannotSeeAnInputIsAnsweredNotFound() throws Exception {
        AnalysisException hidden = assertThrows(AnalysisException.class, () -> service.submit(request(raw.id()),
                outsider));
        assertEquals(Reason.NOT_FOUND, hidden.reason());
        assertEquals("Input dataset " + raw.id() + " not found", hidden.getMessage());
        assertEquals(Reason.NOT_FOUND, assertThrows(AnalysisException.class, () -> service.submit(
                request(new DatasetId("no-such-dataset")), pia)).reason());
        assertEquals(Reason.NOT_FOUND, assertThrows(AnalysisException.class, () -> service.submit(new JobRequest(
                "no-such-plugin", List.of(raw.id()), Map.of(), ""), pia)).reason());
        assertEquals(Reason.FORBIDDEN, assertThrows(AnalysisException.class, () -> service.submit(request(raw.id()),
                Viewer.anonymous())).reason());
        assertEquals(List.of(), service.jobs(curator, 0, 10));
    }

    @Test
    void jobsAreSeenByTheirSubmitterAndByCurators() throws Exception {
        AnalysisJob first = awaitFinal(service.submit(request(raw.id()), pia).id());
        AnalysisJob second = awaitFinal(service.submit(request(raw.id()), mem).id());

        assertEquals(List.of(first.id()), service.jobs(pia, 0, 10).stream().map(AnalysisJob::id).toList());
        assertEquals(List.of(second.id(), first.id()), service.jobs(curator, 0, 10).stream().map(AnalysisJob::id)
                .toList(), "newest first");
        assertEquals(Optional.empty(), service.job(first.id(), mem));
        assertEquals(first, service.job(first.id(), curator).orElseThrow());
        assertEquals(Reason.NOT_FOUND, assertThrows(AnalysisException.class, () -> service.cancel(first.id(), mem))
                .reason());
    }

    @Test
    void jobsLeftLiveByARestartAreMarkedFailed() throws Exception {
        Instant now = Instant.now();
        store.insert(new AnalysisJob("job-queued", request(raw.id()), "1.2.3", "pia", JobState.QUEUED, 0, "Queued",
                now, Optional.empty(), Optional.empty(), Optional.empty()));
        store.insert(new AnalysisJob("job-running", request(raw.id()), "1.2.3", "pia", JobState.RUNNING, 0.3,
                "Frame 3", now, Optional.of(now), Optional.empty(), Optional.empty()));

        JobService restarted = service(1, 1);
        try {
            for (String id : List.of("job-queued", "job-running")) {
                AnalysisJob job = store.find(id).orElseThrow();
                assertEquals(JobState.FAILED, job.state(), id);
                assertTrue(job.message().contains("interrupted by a restart of the platform"), job.message());
                assertTrue(job.finished().isPresent());
            }
        } finally {
            restarted.shutdown(Duration.ofSeconds(10));
        }
    }

    @Test
    void stoppingTheServiceFailsTheJobsItWasRunning() throws Exception {
        plugin.block = true;
        AnalysisJob job = service.submit(request(raw.id()), pia);
        assertTrue(plugin.started.await(60, TimeUnit.SECONDS));

        service.shutdown(Duration.ofSeconds(30));

        AnalysisJob done = store.find(job.id()).orElseThrow();
        assertEquals(JobState.FAILED, done.state());
        assertTrue(done.message().contains("interrupted by a restart of the platform"), done.message());
        assertEquals(Reason.UNAVAILABLE, assertThrows(AnalysisException.class, () -> service.submit(
                request(raw.id()), pia)).reason());
    }

    @Test
    void aJobWhosePluginIsRemovedWhileItRunsFails() throws Exception {
        plugin.block = true;
        AnalysisJob job = service.submit(request(raw.id()), pia);
        assertTrue(plugin.started.await(60, TimeUnit.SECONDS));

        plugins.remove(plugin).ifPresent(service::pluginRemoved);

        AnalysisJob done = awaitFinal(job.id());
        assertEquals(JobState.FAILED, done.state());
        assertTrue(done.message().startsWith("Plugin 'test-plugin' was removed while the job ran"), done.message());
        assertEquals(List.of(), service.plugins());
    }

    @Test
    void aQueuedJobWhosePluginLeftFailsWhenItStarts() throws Exception {
        List<AnalysisJob> jobs = oneBusyWorkerAndAQueuedJob(5);
        AnalysisJob first = jobs.get(0);
        AnalysisJob second = jobs.get(1);

        plugins.remove(plugin).ifPresent(service::pluginRemoved);

        assertEquals(JobState.FAILED, awaitFinal(first.id()).state());
        AnalysisJob done = awaitFinal(second.id());
        assertEquals(JobState.FAILED, done.state());
        assertTrue(done.message().startsWith("Plugin 'test-plugin' is no longer registered"), done.message());
    }

    // --- inputs on tape

    @Test
    void aJobWaitsForTheRecallOfAnInputOnTapeThenRuns() throws Exception {
        onTape.add(raw.id().value());
        AnalysisJob job = service.submit(request(raw.id()), pia);

        AnalysisJob waiting = await(job.id(), j -> j.message().startsWith("Waiting for recall of"), "waiting");
        assertEquals(JobState.RUNNING, waiting.state());
        assertTrue(waiting.message().contains(raw.id() + "/frames.dat"), waiting.message());
        assertEquals(0, plugin.runs.get());
        onTape.clear();

        assertEquals(JobState.SUCCEEDED, awaitFinal(job.id()).state());
    }

    @Test
    void aJobWaitingForARecallCanBeCancelled() throws Exception {
        onTape.add(raw.id().value());
        AnalysisJob job = service.submit(request(raw.id()), pia);
        await(job.id(), j -> j.message().startsWith("Waiting for recall of"), "waiting");

        service.cancel(job.id(), pia);

        assertEquals(JobState.CANCELLED, awaitFinal(job.id()).state());
        assertEquals(0, plugin.runs.get());
    }

    @Test
    void aFailedRecallFailsTheJobNamingTheFile() throws Exception {
        onTape.add(raw.id().value());
        recallFails.set(true);

        AnalysisJob done = awaitFinal(service.submit(request(raw.id()), pia).id());

        assertEquals(JobState.FAILED, done.state());
        assertEquals("The recall of frames.dat of dataset " + raw.id() + " from tape failed: cartridge T00042 is"
                + " damaged", done.message());
    }


    // --- lineage and provenance

    /** raw -(job 1)-> d1 -(job 2)-> d2; d1 -> hidden (another proposal's, catalogued from outside). */
    record Chain(AnalysisJob job1, DatasetId d1, AnalysisJob job2, DatasetId d2, Dataset hidden) {
    }

    Chain chain() throws Exception {
        AnalysisJob job1 = awaitFinal(service.submit(request(raw.id()), pia).id());
        DatasetId d1 = job1.output().orElseThrow();
        AnalysisJob job2 = awaitFinal(service.submit(request(d1), pia).id());
        Dataset hidden = catalog.register(new NewDataset("Other reduction", DatasetType.DERIVED, "CoSAXS", "",
                "derived/other", T0, T0, List.of(), List.of(), "", "P2", "", "", "", List.of(), List.of(d1)));
        return new Chain(job1, d1, job2, job2.output().orElseThrow(), hidden);
    }

    LineageGraph provenance() {
        return new LineageGraph(catalog, store, "urn:datastamp:");
    }

    static List<String> ids(Lineage lineage) {
        return lineage.nodes().stream().map(n -> n.id().value()).sorted().toList();
    }

    static List<String> sorted(String... ids) {
        return java.util.Arrays.stream(ids).sorted().toList();
    }

    @Test
    void lineageGoesBothWaysThroughAChainAndShowsDatasetsTheViewerMayNotSeeByIdOnly() throws Exception {
        Chain c = chain();

        Lineage fromRaw = provenance().lineage(raw.id(), pia);
        Lineage fromMiddle = provenance().lineage(c.d1(), pia);
        Lineage fromEnd = provenance().lineage(c.d2(), pia);

        List<String> all = sorted(raw.id().value(), c.d1().value(), c.d2().value(), c.hidden().id().value());
        assertEquals(all, ids(fromRaw), "derived from it, recursively");
        assertEquals(all, ids(fromMiddle), "both ways");
        assertEquals(sorted(raw.id().value(), c.d1().value(), c.d2().value()), ids(fromEnd),
                "what it was derived from, recursively, and not its siblings");
        LineageNode hidden = fromMiddle.nodes().stream().filter(n -> n.id().equals(c.hidden().id())).findFirst()
                .orElseThrow();
        assertEquals(new LineageNode(c.hidden().id(), "", DatasetType.DERIVED, false), hidden);
        assertEquals(new LineageNode(raw.id(), "Scan 1", DatasetType.RAW, true), fromMiddle.nodes().stream()
                .filter(n -> n.id().equals(raw.id())).findFirst().orElseThrow());
        assertEquals(Set.of(new LineageEdge(raw.id(), c.d1(), c.job1().id(), "test-plugin", "1.2.3"),
                new LineageEdge(c.d1(), c.d2(), c.job2().id(), "test-plugin", "1.2.3"),
                new LineageEdge(c.d1(), c.hidden().id(), "", "", "")), Set.copyOf(fromMiddle.edges()));
        assertTrue(provenance().lineage(c.d1(), curator).nodes().stream().allMatch(LineageNode::visible));
        assertEquals(Reason.NOT_FOUND, assertThrows(AnalysisException.class, () -> provenance().lineage(
                c.hidden().id(), pia)).reason());
    }

    @Test
    void aDatasetMadeFromOneTheViewerMayNotSeeShowsThatInputByIdOnly() throws Exception {
        Dataset foreign = rawDataset("Foreign", "P2", "theirs");
        Dataset mine = catalog.register(new NewDataset("Mine", DatasetType.DERIVED, "CoSAXS", "", "derived/mine", T0,
                T0, List.of(), List.of(), "", "P1", "", "", "", List.of(), List.of(foreign.id())));

        Lineage lineage = provenance().lineage(mine.id(), pia);

        assertEquals(List.of(new LineageNode(mine.id(), "Mine", DatasetType.DERIVED, true),
                new LineageNode(foreign.id(), "", DatasetType.RAW, false)), lineage.nodes());
        assertEquals(List.of(new LineageEdge(foreign.id(), mine.id(), "", "", "")), lineage.edges());
    }

    @Test
    void provJsonDescribesDatasetsJobsPluginsAndPeopleWithTheirRelations() throws Exception {
        Chain c = chain();
        String raw1 = "dataset:" + raw.id();
        String d1 = "dataset:" + c.d1();
        String job1 = "job:" + c.job1().id();

        JsonNode doc = new ObjectMapper().readTree(provenance().provJson(c.d1(), pia));

        assertEquals("urn:datastamp:dataset:", doc.path("prefix").path("dataset").asText());
        JsonNode rawEntity = doc.path("entity").path(raw1);
        assertEquals("Scan 1", rawEntity.path("prov:label").asText());
        assertEquals("datastamp:RawDataset", rawEntity.path("prov:type").path("$").asText());
        assertEquals("datastamp:DerivedDataset", doc.path("entity").path(d1).path("prov:type").path("$").asText());
        JsonNode hidden = doc.path("entity").path("dataset:" + c.hidden().id());
        assertFalse(hidden.path("datastamp:visible").asBoolean(true));
        assertTrue(hidden.path("prov:label").isMissingNode(), "nothing but the id of a dataset pia may not see");

        JsonNode activity = doc.path("activity").path(job1);
        assertEquals(c.job1().started().orElseThrow().toString(), activity.path("prov:startTime").asText());
        assertEquals(c.job1().finished().orElseThrow().toString(), activity.path("prov:endTime").asText());
        assertEquals("first try", activity.path("datastamp:parameter.label").asText());
        assertEquals("2", activity.path("datastamp:parameter.factor").asText());
        assertEquals(2, doc.path("activity").size(), "one activity per job in the graph");
        JsonNode software = doc.path("agent").path("plugin:test-plugin-1.2.3");
        assertEquals("prov:SoftwareAgent", software.path("prov:type").path("$").asText());
        assertEquals("prov:QUALIFIED_NAME", software.path("prov:type").path("type").asText(),
                "a typed value, as PROV-JSON writes qualified names");
        assertEquals("1.2.3", software.path("datastamp:version").asText());
        assertEquals("prov:Person", doc.path("agent").path("user:pia").path("prov:type").path("$").asText());

        assertTrue(has(doc, "used", Map.of("prov:activity", job1, "prov:entity", raw1)));
        assertTrue(has(doc, "wasGeneratedBy", Map.of("prov:entity", d1, "prov:activity", job1)));
        assertTrue(has(doc, "wasDerivedFrom", Map.of("prov:generatedEntity", d1, "prov:usedEntity", raw1,
                "prov:activity", job1)));
        assertTrue(has(doc, "wasDerivedFrom", Map.of("prov:generatedEntity", "dataset:" + c.hidden().id(),
                "prov:usedEntity", d1)));
        assertTrue(has(doc, "wasAssociatedWith", Map.of("prov:activity", job1, "prov:agent",
                "plugin:test-plugin-1.2.3")));
        assertTrue(has(doc, "wasAssociatedWith", Map.of("prov:activity", job1, "prov:agent", "user:pia")));
        assertTrue(has(doc, "wasAttributedTo", Map.of("prov:entity", d1, "prov:agent", "user:pia")));
    }

    /** Whether the document holds a relation of this kind with these fields. */
    static boolean has(JsonNode doc, String kind, Map<String, String> fields) {
        for (JsonNode relation : (Iterable<JsonNode>) () -> doc.path(kind).elements()) {
            if (fields.entrySet().stream().allMatch(f -> f.getValue().equals(relation.path(f.getKey()).asText()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Sums its inputs' bytes into result.txt. Parameters: label (required text), factor (number, mm), bins (integer),
     * flag (boolean), mode (choice). Can block until released, or fail.
     */
    static final class TestPlugin implements ProcessingPlugin {
        volatile boolean block;
        volatile String failWith;
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicBoolean sawCancellation = new AtomicBoolean();
        final java.util.concurrent.atomic.AtomicInteger runs = new java.util.concurrent.atomic.AtomicInteger();
        final AtomicReference<ProcessingContext> last = new AtomicReference<>();

        @Override
        public PluginDescription description() {
            return new PluginDescription("test-plugin", "1.2.3", "Test sum", "Sums bytes", List.of(
                    new ParameterSpec("label", "a label", ParameterKind.TEXT, "", "", true, List.of()),
                    ParameterSpec.optional("factor", "scale", ParameterKind.NUMBER, "mm", "2"),
                    ParameterSpec.optional("bins", "bins", ParameterKind.INTEGER, "", "100"),
                    ParameterSpec.optional("flag", "a flag", ParameterKind.BOOLEAN, "", "false"),
                    new ParameterSpec("mode", "how", ParameterKind.CHOICE, "", "fast", false,
                            List.of("fast", "exact"))));
        }

        @Override
        public ProcessingResult process(ProcessingContext context) throws ProcessingException {
            runs.incrementAndGet();
            last.set(context);
            if (failWith != null) {
                throw new ProcessingException(failWith);
            }
            long bytes = 0;
            try {
                for (var input : context.inputs()) {
                    for (Path file : input.files().values()) {
                        bytes += Files.size(file);
                    }
                }
                context.progress(0.5, "Summed");
                started.countDown();
                while (block && release.getCount() > 0) {
                    try {
                        context.checkCancelled();
                    } catch (java.util.concurrent.CancellationException e) {
                        sawCancellation.set(true);
                        throw e;
                    }
                    release.await(5, TimeUnit.MILLISECONDS);
                }
                Files.writeString(context.outputDirectory().resolve("result.txt"), bytes + " bytes read\n");
            } catch (java.io.IOException e) {
                throw new ProcessingException("Could not read the inputs: " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                sawCancellation.set(true);
                throw new java.util.concurrent.CancellationException("interrupted");
            }
            return new ProcessingResult("Sum of " + context.inputs().size() + " inputs", "Bytes summed", "",
                    List.of("result.txt"), List.of(new MetadataEntry("bytes_read", bytes, "")));
        }
    }
}
