package org.datastamp.metadata.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.datastamp.metadata.api.ConfigurationRevision;
import org.datastamp.metadata.api.InvalidConfigurationException;
import org.datastamp.metadata.api.MetadataConfiguration;
import org.datastamp.metadata.api.MetadataConfigurationException;
import org.datastamp.metadata.api.UnknownRevisionException;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitConfigurationStoreTest {

    @TempDir
    Path temp;

    private final List<GitConfigurationStore> opened = new ArrayList<>();

    private GitConfigurationStore open(String folder, String remote) throws MetadataConfigurationException {
        GitConfigurationStore store = GitConfigurationStore.open(temp.resolve(folder), remote, "main",
                Configurations.csv());
        opened.add(store);
        return store;
    }

    @AfterEach
    void close() {
        opened.forEach(GitConfigurationStore::close);
    }

    @Test
    void aSaveIsACommitWithAuthorAndMessageAndBecomesCurrent() throws Exception {
        GitConfigurationStore store = open("repo", "");

        ConfigurationRevision revision = store.save(Configurations.cosaxs(0.3), "ann", "Record the wavelength");

        assertEquals(Configurations.cosaxs(0.3), store.current("CoSAXS"));
        assertEquals(List.of("CoSAXS"), store.instruments());
        try (Git git = Git.open(temp.resolve("repo").toFile())) {
            var commit = git.log().call().iterator().next();
            assertEquals(revision.id(), commit.name());
            assertEquals("ann", commit.getAuthorIdent().getName());
            assertEquals("Record the wavelength", commit.getFullMessage());
        }
        assertEquals("ann", revision.author());
        assertEquals("Record the wavelength", revision.message());
        assertTrue(Files.readString(temp.resolve("repo/CoSAXS.csv")).contains("wavelength,b311a/ctl/wavelength"));
    }

    @Test
    void anUnconfiguredInstrumentIsEmptyWithoutHistory() throws Exception {
        GitConfigurationStore store = open("repo", "");

        assertEquals(MetadataConfiguration.empty("BioMAX"), store.current("BioMAX"));
        assertEquals(List.of(), store.history("BioMAX"));
        assertEquals(List.of(), store.instruments());
    }

    @Test
    void savingAnIdenticalConfigurationMakesNoCommit() throws Exception {
        GitConfigurationStore store = open("repo", "");
        ConfigurationRevision first = store.save(Configurations.cosaxs(0.3), "ann", "first");

        ConfigurationRevision again = store.save(Configurations.cosaxs(0.3), "bob", "nothing changed");

        assertEquals(first, again);
        assertEquals(1, store.history("CoSAXS").size());
    }

    @Test
    void historyIsNewestFirstAndEachRevisionCanBeRead() throws Exception {
        GitConfigurationStore store = open("repo", "");
        ConfigurationRevision first = store.save(Configurations.cosaxs(0.3), "ann", "first");
        store.save(new MetadataConfiguration("BioMAX", "NXmx", List.of()), "cid", "other beamline");
        ConfigurationRevision second = store.save(Configurations.cosaxs(0.4), "bob", "wider range");

        List<ConfigurationRevision> history = store.history("CoSAXS");

        assertEquals(List.of(second.id(), first.id()), history.stream().map(ConfigurationRevision::id).toList());
        assertEquals(List.of("bob", "ann"), history.stream().map(ConfigurationRevision::author).toList());
        assertEquals(Configurations.cosaxs(0.3), store.at("CoSAXS", first.id()));
        assertEquals(Configurations.cosaxs(0.4), store.at("CoSAXS", second.id().substring(0, 10)));
        assertEquals(List.of("BioMAX", "CoSAXS"), store.instruments());
    }

    @Test
    void diffIsAUnifiedDiffOfTheChangedRow() throws Exception {
        GitConfigurationStore store = open("repo", "");
        ConfigurationRevision first = store.save(Configurations.cosaxs(0.3), "ann", "first");
        ConfigurationRevision second = store.save(Configurations.cosaxs(0.4), "bob", "wider range");

        String diff = store.diff("CoSAXS", first.id(), second.id());

        assertTrue(diff.startsWith("diff --git a/CoSAXS.csv b/CoSAXS.csv"), diff);
        assertTrue(diff.contains("\n-beam,wavelength,b311a/ctl/wavelength,Value,nm,0.05,0.3,1,true\n"), diff);
        assertTrue(diff.contains("\n+beam,wavelength,b311a/ctl/wavelength,Value,nm,0.05,0.4,1,true\n"), diff);
        assertEquals(2, diff.lines().filter(l -> l.matches("[+-][^+-].*")).count(), diff);
        assertEquals("", store.diff("CoSAXS", second.id(), second.id()));
    }

    @Test
    void restoreMakesANewRevisionWithTheEarlierContent() throws Exception {
        GitConfigurationStore store = open("repo", "");
        ConfigurationRevision first = store.save(Configurations.cosaxs(0.3), "ann", "first");
        store.save(Configurations.cosaxs(0.4), "bob", "wider range");

        ConfigurationRevision restored = store.restore("CoSAXS", first.id(), "cid");

        assertEquals(Configurations.cosaxs(0.3), store.current("CoSAXS"));
        List<ConfigurationRevision> history = store.history("CoSAXS");
        assertEquals(3, history.size());
        assertEquals(restored, history.get(0));
        assertEquals("cid", restored.author());
        assertTrue(restored.message().contains(first.id().substring(0, 7)), restored.message());
    }

    @Test
    void unknownRevisionsAndInstrumentIdsAreRefusedClearly() throws Exception {
        GitConfigurationStore store = open("repo", "");
        ConfigurationRevision first = store.save(Configurations.cosaxs(0.3), "ann", "first");
        store.save(new MetadataConfiguration("BioMAX", "", List.of()), "ann", "b");

        assertEquals("No revision 'deadbeef' in the metadata configuration history",
                assertThrows(UnknownRevisionException.class, () -> store.at("CoSAXS", "deadbeef")).getMessage());
        assertTrue(assertThrows(UnknownRevisionException.class, () -> store.at("CoSAXS", "HEAD~1")).getMessage()
                .contains("is not a revision id"));
        assertEquals("Revision " + first.id().substring(0, 7) + " holds no metadata configuration of BioMAX",
                assertThrows(UnknownRevisionException.class, () -> store.at("BioMAX", first.id())).getMessage());
        assertThrows(InvalidConfigurationException.class, () -> store.current("../etc"));
        assertThrows(InvalidConfigurationException.class, () -> store.save(Configurations.cosaxs(0.3), " ", "x"));
    }

    @Test
    void aBadFileCommittedByHandIsReportedWithFileLineAndField() throws Exception {
        GitConfigurationStore store = open("repo", "");
        store.save(Configurations.cosaxs(0.3), "ann", "first");
        Path file = temp.resolve("repo/CoSAXS.csv");
        Files.writeString(file, Files.readString(file) + "beam,wavelength,b311a/x,Y,furlongs,,,3,true\n");
        try (Git git = Git.open(temp.resolve("repo").toFile())) {
            git.add().addFilepattern("CoSAXS.csv").call();
            git.commit().setMessage("by hand").setAuthor(new PersonIdent("eve", "")).setSign(false).call();
        }

        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> store.current("CoSAXS"));

        assertTrue(e.getMessage().contains("CoSAXS.csv line 6, field 'units'"), e.getMessage());
        assertTrue(e.getMessage().contains("CoSAXS.csv line 6, field 'name': 'wavelength' is already configured on"
                + " line 4"), e.getMessage());
    }

    @Test
    void concurrentSavesAreAllCommitted() throws Exception {
        GitConfigurationStore store = open("repo", "");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<ConfigurationRevision>> saves = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            double max = 1 + i;
            String instrument = i % 2 == 0 ? "CoSAXS" : "BioMAX";
            saves.add(() -> store.save(new MetadataConfiguration(instrument, "", List.of(
                    Configurations.row("wavelength", "nm", 0.0, max, 1))), "user" + max, "limit " + max));
        }
        Set<String> ids = new HashSet<>();
        try {
            for (Future<ConfigurationRevision> f : pool.invokeAll(saves)) {
                ids.add(f.get().id());
            }
        } finally {
            pool.shutdown();
        }

        assertEquals(24, ids.size());
        assertEquals(12, store.history("CoSAXS").size());
        assertEquals(12, store.history("BioMAX").size());
        try (Git git = Git.open(temp.resolve("repo").toFile())) {
            int commits = 0;
            for (var ignored : git.log().call()) {
                commits++;
            }
            assertEquals(24, commits);
            assertTrue(git.status().call().isClean());
        }
    }

    @Test
    void anEmptyFolderIsClonedFromTheSharedRepositoryAndPullBringsItsNewRevisions() throws Exception {
        GitConfigurationStore partner = open("partner", "");
        partner.save(Configurations.cosaxs(0.3), "ann", "partner's first");
        GitConfigurationStore here = open("here", temp.resolve("partner").toUri().toString());

        assertEquals(Configurations.cosaxs(0.3), here.current("CoSAXS"));
        assertEquals(List.of(), here.pull());

        partner.save(Configurations.cosaxs(0.5), "bob", "partner widened the range");
        partner.save(new MetadataConfiguration("BioMAX", "NXmx", List.of()), "bob", "BioMAX too");
        here.save(new MetadataConfiguration("Balder", "", List.of()), "cid", "local beamline");

        assertEquals(List.of("BioMAX", "CoSAXS"), here.pull());
        assertEquals(Configurations.cosaxs(0.5), here.current("CoSAXS"));
        assertEquals(List.of("Balder", "BioMAX", "CoSAXS"), here.instruments());
        assertEquals(List.of("bob", "ann"), here.history("CoSAXS").stream().map(ConfigurationRevision::author)
                .toList());
    }

    @Test
    void aConflictingPullIsUndoneAndNamesTheFile() throws Exception {
        GitConfigurationStore partner = open("partner", "");
        partner.save(Configurations.cosaxs(0.3), "ann", "first");
        GitConfigurationStore here = open("here", temp.resolve("partner").toUri().toString());
        partner.save(Configurations.cosaxs(0.5), "bob", "partner's range");
        ConfigurationRevision local = here.save(Configurations.cosaxs(0.7), "cid", "our range");

        MetadataConfigurationException e = assertThrows(MetadataConfigurationException.class, here::pull);

        assertTrue(e.getMessage().contains("CoSAXS.csv"), e.getMessage());
        assertEquals(Configurations.cosaxs(0.7), here.current("CoSAXS"));
        assertEquals(local, here.history("CoSAXS").get(0));
        try (Git git = Git.open(temp.resolve("here").toFile())) {
            assertTrue(git.status().call().isClean());
        }
    }

    @Test
    void pullWithoutSharedRepositoryIsRefused() throws Exception {
        GitConfigurationStore store = open("repo", "");

        assertTrue(assertThrows(MetadataConfigurationException.class, store::pull).getMessage()
                .contains("no shared repository"));
    }

    @Test
    void aFolderWithFilesButNoRepositoryIsRefused() throws Exception {
        Files.createDirectories(temp.resolve("busy"));
        Files.writeString(temp.resolve("busy/notes.txt"), "mine");

        assertTrue(assertThrows(MetadataConfigurationException.class, () -> open("busy", "")).getMessage()
                .contains("is not a Git repository"));
    }
}
