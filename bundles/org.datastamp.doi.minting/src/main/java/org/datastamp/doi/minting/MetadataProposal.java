package org.datastamp.doi.minting;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.datastamp.catalog.api.Catalog;
import org.datastamp.catalog.api.CatalogException;
import org.datastamp.catalog.api.Dataset;
import org.datastamp.catalog.api.DatasetId;
import org.datastamp.catalog.api.Facility;
import org.datastamp.catalog.api.FacilityDirectory;
import org.datastamp.catalog.api.Person;
import org.datastamp.catalog.api.Proposal;
import org.datastamp.catalog.api.Publication;
import org.datastamp.doi.api.Affiliation;
import org.datastamp.doi.api.Creator;
import org.datastamp.doi.api.DateType;
import org.datastamp.doi.api.DoiDate;
import org.datastamp.doi.api.DoiMetadata;
import org.datastamp.doi.api.RelatedIdentifier;
import org.datastamp.doi.api.Rights;
import org.datastamp.doi.api.Subject;

/**
 * Fills the request form from the catalogue: the proposals' PIs and members as creators (ORCID and affiliation from
 * the directory; the facility's ROR id when they work there), the facility as publisher, techniques, instruments and
 * keywords as subjects, the collection period, publications that used the data and the inputs of derived data.
 */
final class MetadataProposal {

    private final Catalog catalog;
    private final FacilityDirectory directory;

    MetadataProposal(Catalog catalog, FacilityDirectory directory) {
        this.catalog = catalog;
        this.directory = directory;
    }

    DoiMetadata propose(List<Dataset> datasets, String requester, Instant now) throws CatalogException {
        Optional<Facility> facility = directory.facility();
        String publisher = facility.map(Facility::name).orElse("DataSTaMP");
        String publisherRor = facility.map(Facility::ror).orElse("");
        List<Proposal> proposals = proposals(datasets);
        return new DoiMetadata(creators(proposals, requester, publisher, publisherRor), title(datasets, proposals),
                publisher, publisherRor, now.atZone(ZoneOffset.UTC).getYear(), description(datasets, proposals),
                subjects(datasets), List.of(collected(datasets)), related(datasets), Rights.ccBy4(), "");
    }

    private List<Proposal> proposals(List<Dataset> datasets) throws CatalogException {
        Map<String, Proposal> found = new LinkedHashMap<>();
        for (Dataset d : datasets) {
            String id = d.access().proposalId();
            if (!id.isEmpty() && !found.containsKey(id)) {
                directory.proposal(id).ifPresent(p -> found.put(id, p));
            }
        }
        return List.copyOf(found.values());
    }

    private List<Creator> creators(List<Proposal> proposals, String requester, String facilityName, String facilityRor)
            throws CatalogException {
        Set<String> usernames = new LinkedHashSet<>();
        for (Proposal p : proposals) {
            usernames.add(p.principalInvestigator());
            p.members().stream().sorted().forEach(usernames::add);
        }
        if (usernames.isEmpty()) {
            usernames.add(requester);
        }
        List<Creator> creators = new ArrayList<>();
        for (String username : usernames) {
            Optional<Person> person = directory.person(username);
            if (person.isPresent()) {
                creators.add(creator(person.get(), facilityName, facilityRor));
            }
        }
        if (creators.isEmpty()) {
            creators.add(new Creator(facilityName, "", "", "", List.of()));
        }
        return creators;
    }

    static Creator creator(Person p, String facilityName, String facilityRor) {
        String full = p.fullName().strip();
        int space = full.lastIndexOf(' ');
        String given = space < 0 ? "" : full.substring(0, space);
        String family = space < 0 ? full : full.substring(space + 1);
        List<Affiliation> affiliations = p.affiliation().isBlank() ? List.of()
                : List.of(new Affiliation(p.affiliation(), p.affiliation().equals(facilityName) ? facilityRor : ""));
        return new Creator(space < 0 ? full : family + ", " + given, given, family, p.orcid(), affiliations);
    }

    private static String title(List<Dataset> datasets, List<Proposal> proposals) {
        if (datasets.size() == 1) {
            return datasets.get(0).content().title();
        }
        if (proposals.size() == 1) {
            return proposals.get(0).title() + ": " + datasets.size() + " datasets";
        }
        return datasets.size() + " datasets from " + datasets.get(0).content().instrument();
    }

    private static String description(List<Dataset> datasets, List<Proposal> proposals) {
        if (datasets.size() == 1 && !datasets.get(0).content().description().isBlank()) {
            return datasets.get(0).content().description();
        }
        return proposals.size() == 1 ? proposals.get(0).abstractText() : "";
    }

    private static List<Subject> subjects(List<Dataset> datasets) {
        Set<String> techniques = new LinkedHashSet<>();
        Set<String> keywords = new LinkedHashSet<>();
        for (Dataset d : datasets) {
            if (!d.content().technique().isBlank()) {
                techniques.add(d.content().technique());
            }
            keywords.add(d.content().instrument());
            keywords.addAll(d.content().keywords());
        }
        List<Subject> subjects = new ArrayList<>();
        techniques.forEach(t -> subjects.add(new Subject(t, "technique", "")));
        keywords.stream().filter(k -> !k.isBlank()).forEach(k -> subjects.add(Subject.keyword(k)));
        return subjects;
    }

    private static DoiDate collected(List<Dataset> datasets) {
        Instant start = datasets.stream().map(d -> d.content().startTime()).min(Comparator.naturalOrder()).orElseThrow();
        Instant end = datasets.stream().map(d -> d.content().endTime()).max(Comparator.naturalOrder()).orElseThrow();
        return new DoiDate(seconds(start) + "/" + seconds(end), DateType.COLLECTED);
    }

    private static String seconds(Instant t) {
        return t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }

    private List<RelatedIdentifier> related(List<Dataset> datasets) throws CatalogException {
        Set<RelatedIdentifier> related = new LinkedHashSet<>();
        for (Dataset d : datasets) {
            for (Publication p : catalog.publications(d.id())) {
                related.add(new RelatedIdentifier(p.doi(), "DOI", "IsSupplementTo"));
            }
            for (DatasetId input : d.content().inputs()) {
                Optional<Dataset> in = catalog.find(input, org.datastamp.catalog.api.Viewer.system());
                if (in.isPresent() && !in.get().doi().isEmpty()) {
                    related.add(new RelatedIdentifier(in.get().doi(), "DOI", "IsDerivedFrom"));
                }
            }
        }
        return List.copyOf(related);
    }
}
