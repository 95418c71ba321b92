package org.datastamp.doi.minting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.datastamp.catalog.api.DatasetId;
import org.datastamp.catalog.api.DoiRequestState;
import org.datastamp.catalog.api.Viewer;
import org.datastamp.doi.api.Creator;
import org.datastamp.doi.api.DateType;
import org.datastamp.doi.api.Doi;
import org.datastamp.doi.api.DoiMetadata;
import org.datastamp.doi.api.MintRequest;
import org.datastamp.doi.api.MintingException;
import org.datastamp.doi.api.MintingException.Kind;
import org.datastamp.doi.api.RelatedIdentifier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MintingServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    @TempDir
    Path dir;

    private TestCatalog facility;
    private RecordingProvider provider;
    private MintingService minting;
    private Viewer pia;
    private Viewer cur;
    private List<DatasetId> both;

    @BeforeEach
    void open() throws Exception {
        facility = new TestCatalog(dir);
        provider = new RecordingProvider();
        minting = new MintingService(facility.catalog, facility.catalog, facility.catalog, "test-doi",
                "https://data.example.org/", "", Clock.fixed(NOW, ZoneOffset.UTC));
        minting.addProvider(provider);
        pia = facility.catalog.viewer("pia");
        cur = facility.catalog.viewer("cur");
        both = List.of(facility.first.id(), facility.second.id());
    }

    @Test
    void theFormIsPrefilledFromTheCatalogue() throws Exception {
        DoiMetadata m = minting.proposeMetadata(both, pia);

        assertEquals("Protein folding: 2 datasets", m.title());
        assertEquals("MAX IV Laboratory", m.publisher());
        assertEquals("https://ror.org/05wv2vq37", m.publisherRor());
        assertEquals(2026, m.publicationYear());
        assertEquals("We fold proteins.", m.description());
        Creator first = m.creators().get(0);
        assertEquals("Investigator, Pia", first.name());
        assertEquals("0000-0002-1825-0097", first.orcid());
        assertEquals("https://ror.org/05wv2vq37", first.affiliations().get(0).ror(), "works at the facility");
        assertEquals("Ber, Mem", m.creators().get(1).name());
        assertEquals("", m.creators().get(1).affiliations().get(0).ror(), "ROR unknown for other institutions");
        assertEquals("SAXS", m.subjects().get(0).value());
        assertEquals(DateType.COLLECTED, m.dates().get(0).type());
        assertEquals("2026-03-01T08:00:00Z/2026-03-01T09:10:00Z", m.dates().get(0).value());
        assertEquals(List.of(new RelatedIdentifier("10.1107/S1600577520000000", "DOI", "IsSupplementTo")),
                m.relatedIdentifiers());
    }

    @Test
    void approvalRegistersTheDoiAndMakesTheDatasetsPublic() throws Exception {
        assertEquals(0, facility.catalog.count(Viewer.anonymous()), "embargoed before");
        MintRequest requested = minting.request(both, minting.proposeMetadata(both, pia), pia);
        assertEquals(DoiRequestState.REQUESTED, requested.state());
        assertEquals("", requested.doi());

        MintRequest registered = minting.approve(requested.id(), cur);

        String doi = "10.80000/maxiv." + requested.id();
        assertEquals(DoiRequestState.REGISTERED, registered.state());
        assertEquals(doi, registered.doi());
        assertEquals("cur", registered.decidedBy());
        assertEquals("https://data.example.org/doi/" + doi, provider.registered.get(doi).landingPage());
        assertEquals(2, facility.catalog.count(Viewer.anonymous()), "public once the DOI is registered");
        assertEquals(doi, facility.catalog.find(facility.first.id(), Viewer.anonymous()).orElseThrow().doi());
        assertEquals(Optional.of(registered), minting.registered(new Doi(doi)));
        assertEquals(List.of(registered), minting.registered(null, null, 0, 10));
    }

    @Test
    void aRejectedRequestKeepsTheDatasetsPrivateAndTellsWhy() throws Exception {
        MintRequest r = minting.request(both, minting.proposeMetadata(both, pia), pia);

        MintRequest rejected = minting.reject(r.id(), "Add the sample description", cur);

        assertEquals(DoiRequestState.REJECTED, rejected.state());
        assertEquals("Add the sample description", minting.find(r.id(), pia).note());
        assertEquals(0, facility.catalog.count(Viewer.anonymous()));
        MintingException again = assertThrows(MintingException.class, () -> minting.approve(r.id(), cur));
        assertEquals(Kind.CONFLICT, again.kind());
        assertTrue(again.getMessage().contains("is REJECTED"), again.getMessage());
    }

    @Test
    void onlyCuratorsDecideAndARejectionNeedsAReason() throws Exception {
        MintRequest r = minting.request(both, minting.proposeMetadata(both, pia), pia);

        assertEquals(Kind.FORBIDDEN, assertThrows(MintingException.class, () -> minting.approve(r.id(), pia)).kind());
        assertEquals(Kind.INVALID, assertThrows(MintingException.class, () -> minting.reject(r.id(), " ", cur)).kind());
        assertEquals(DoiRequestState.REQUESTED, minting.find(r.id(), cur).state());
    }

    @Test
    void onlyTheOwnersOfDatasetsMayAskForTheirDoi() throws Exception {
        Viewer outsider = facility.catalog.viewer("out");
        MintingException hidden = assertThrows(MintingException.class,
                () -> minting.proposeMetadata(List.of(facility.first.id()), outsider));
        assertEquals(Kind.NOT_FOUND, hidden.kind());
        assertEquals("datasets[0]", hidden.field());
        MintingException anonymous = assertThrows(MintingException.class,
                () -> minting.request(both, minting.proposeMetadata(both, pia), Viewer.anonymous()));
        assertEquals(Kind.FORBIDDEN, anonymous.kind());
        MintingException mixed = assertThrows(MintingException.class, () -> minting.request(
                List.of(facility.first.id(), facility.foreign.id()), minting.proposeMetadata(both, pia), pia));
        assertEquals(Kind.NOT_FOUND, mixed.kind());
        assertEquals("datasets[1]", mixed.field());
    }

    @Test
    void requestsAreSeenByTheirRequesterAndCuratorsOnly() throws Exception {
        MintRequest r = minting.request(both, minting.proposeMetadata(both, pia), pia);

        assertEquals(List.of(r.id()), minting.requests(pia, 0, 10).stream().map(MintRequest::id).toList());
        assertEquals(1, minting.requests(cur, 0, 10).size());
        assertEquals(0, minting.requests(facility.catalog.viewer("mem"), 0, 10).size());
        assertEquals(Kind.NOT_FOUND, assertThrows(MintingException.class,
                () -> minting.find(r.id(), facility.catalog.viewer("out"))).kind());
        assertEquals(Optional.empty(), minting.registered(new Doi("10.80000/maxiv." + r.id())), "not registered yet");
    }

    @Test
    void aFailedRegistrationKeepsTheRequestApprovedWithTheReasonAndARetryUsesTheSameDoi() throws Exception {
        MintRequest r = minting.request(both, minting.proposeMetadata(both, pia), pia);
        provider.refusal = "DataCite refused (HTTP 422): Xml is invalid";

        MintingException failed = assertThrows(MintingException.class, () -> minting.approve(r.id(), cur));

        assertEquals(Kind.PROVIDER_FAILED, failed.kind());
        MintRequest stuck = minting.find(r.id(), cur);
        assertEquals(DoiRequestState.APPROVED, stuck.state());
        assertTrue(stuck.note().contains("Xml is invalid"), stuck.note());
        assertEquals(0, facility.catalog.count(Viewer.anonymous()), "nothing public while the DOI is not registered");

        provider.refusal = "";
        MintRequest done = minting.approve(r.id(), cur);
        assertEquals(DoiRequestState.REGISTERED, done.state());
        assertEquals(stuck.doi(), done.doi());
        assertEquals("", done.note());
    }

    @Test
    void anApprovalInterruptedBeforeRegistrationIsCompletedOnStart() throws Exception {
        MintRequest r = minting.request(both, minting.proposeMetadata(both, pia), pia);
        minting.removeProvider(provider);
        assertEquals(Kind.UNAVAILABLE, assertThrows(MintingException.class, () -> minting.approve(r.id(), cur))
                .kind(), "no provider: nothing changes");
        assertEquals(DoiRequestState.REQUESTED, minting.find(r.id(), cur).state());
        // A crash between recording the approval and registering leaves it APPROVED without a note.
        var stored = facility.catalog.doiRequest(r.id()).orElseThrow();
        facility.catalog.updateDoiRequest(stored.with(DoiRequestState.APPROVED, "10.80000/maxiv." + r.id(), NOW,
                "cur", "", NOW), DoiRequestState.REQUESTED);
        minting.addProvider(provider);

        minting.completeInterruptedApprovals();

        assertEquals(DoiRequestState.REGISTERED, minting.find(r.id(), cur).state());
        assertEquals(2, facility.catalog.count(Viewer.anonymous()));
    }

    @Test
    void aPublishedDatasetCannotBePublishedAgain() throws Exception {
        minting.approve(minting.request(both, minting.proposeMetadata(both, pia), pia).id(), cur);

        MintingException e = assertThrows(MintingException.class,
                () -> minting.proposeMetadata(List.of(facility.second.id()), pia));
        assertEquals(Kind.CONFLICT, e.kind());
        assertTrue(e.getMessage().contains("already published as DOI 10.80000/maxiv."), e.getMessage());
    }
}
