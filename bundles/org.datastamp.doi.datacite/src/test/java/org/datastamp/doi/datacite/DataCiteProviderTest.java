package org.datastamp.doi.datacite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.datastamp.doi.api.Doi;
import org.datastamp.doi.api.DoiException;
import org.datastamp.doi.api.DoiMetadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataCiteProviderTest {

    private static final Doi DOI = new Doi("10.80512/maxiv.dr-1");

    private FakeDataCite datacite;
    private DataCiteProvider provider;

    @BeforeEach
    void start() throws IOException {
        datacite = new FakeDataCite();
        provider = provider(FakeDataCite.PASSWORD);
    }

    @AfterEach
    void stop() {
        datacite.close();
    }

    private DataCiteProvider provider(String password) {
        return new DataCiteProvider(new DataCiteSettings(datacite.url(), FakeDataCite.REPOSITORY, password,
                FakeDataCite.PREFIX, Duration.ofSeconds(5), "datacite", "DataCite"), null);
    }

    @Test
    void registeringCreatesADraftThenPublishesItSoTheDoiIsFindable() throws DoiException {
        provider.register(DOI, Samples.saxsSeries());

        FakeDataCite.Held held = datacite.dois.get(DOI.value());
        assertEquals("findable", held.state());
        assertEquals("https://data.example.org/doi/10.80512/maxiv.dr-1", held.url());
        assertTrue(held.xml().contains("0000-0002-1825-0097"));
        List<FakeDataCite.Received> calls = datacite.received;
        assertEquals(2, calls.size());
        assertEquals("POST", calls.get(0).method());
        assertEquals("/dois", calls.get(0).path());
        assertEquals("application/vnd.api+json", calls.get(0).contentType());
        assertEquals(DOI.value(), calls.get(0).body().at("/data/attributes/doi").asText());
        assertTrue(calls.get(0).body().at("/data/attributes/event").isMissingNode(), "a POST without event is a draft");
        assertEquals("PUT", calls.get(1).method());
        assertEquals("/dois/10.80512/maxiv.dr-1", calls.get(1).path());
        assertEquals("publish", calls.get(1).body().at("/data/attributes/event").asText());
    }

    @Test
    void aDraftLeftByAnEarlierAttemptIsPublishedOnTheNextAttempt() throws DoiException {
        datacite.dois.put(DOI.value(), new FakeDataCite.Held("draft", "https://old", "<x/>"));

        provider.register(DOI, Samples.saxsSeries());

        assertEquals("findable", datacite.dois.get(DOI.value()).state());
    }

    @Test
    void updatingReplacesMetadataAndUrlAndKeepsTheDoiFindable() throws DoiException {
        provider.register(DOI, Samples.saxsSeries());
        DoiMetadata moved = Samples.saxsSeries().withLandingPage("https://portal.example.org/doi/10.80512/maxiv.dr-1");

        provider.update(DOI, moved);

        FakeDataCite.Held held = datacite.dois.get(DOI.value());
        assertEquals("findable", held.state());
        assertEquals("https://portal.example.org/doi/10.80512/maxiv.dr-1", held.url());
        assertTrue(datacite.received.get(2).body().at("/data/attributes/event").isMissingNode());
    }

    @Test
    void wrongCredentialsAreReportedWithDataCitesReasonAndWhatToCheck() {
        DoiException e = assertThrows(DoiException.class,
                () -> provider("wrong").register(DOI, Samples.saxsSeries()));
        assertTrue(e.getMessage().contains("HTTP 401") && e.getMessage().contains("Bad credentials")
                && e.getMessage().contains("password file"), e.getMessage());
    }

    @Test
    void updatingADoiDataCiteDoesNotHoldSaysSo() {
        DoiException e = assertThrows(DoiException.class, () -> provider.update(DOI, Samples.saxsSeries()));
        assertTrue(e.getMessage().contains("HTTP 404") && e.getMessage().contains("not registered in repository"
                + " MAXIV.DATA"), e.getMessage());
    }

    @Test
    void aDoiOutsideThePrefixIsRefusedWithoutAskingDataCite() {
        DoiException e = assertThrows(DoiException.class,
                () -> provider.register(new Doi("10.5555/other"), Samples.saxsSeries()));
        assertTrue(e.getMessage().contains("prefix 10.80512"), e.getMessage());
        assertTrue(datacite.received.isEmpty());
    }

    @Test
    void metadataWithoutLandingPageIsRefusedWithoutAskingDataCite() {
        DoiException e = assertThrows(DoiException.class,
                () -> provider.register(DOI, Samples.saxsSeries().withLandingPage("")));
        assertTrue(e.getMessage().contains("landing page"), e.getMessage());
        assertTrue(datacite.received.isEmpty());
    }

    @Test
    void thePasswordIsTheFirstLineOfThePasswordFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("datacite-password");
        Files.writeString(file, "s3cret-pw\n");
        assertEquals("s3cret-pw", DataCiteSettings.readPassword(file.toString()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DataCiteSettings.readPassword(dir.resolve("missing").toString()));
        assertTrue(e.getMessage().contains("Cannot read the DataCite password file"), e.getMessage());
    }

    @Test
    void settingsNeverPrintThePassword() {
        assertTrue(!provider.toString().contains(FakeDataCite.PASSWORD));
        assertTrue(!new DataCiteSettings(datacite.url(), "R", "pw-123", "10.80512", Duration.ofSeconds(1), "d", "D")
                .toString().contains("pw-123"));
    }
}
