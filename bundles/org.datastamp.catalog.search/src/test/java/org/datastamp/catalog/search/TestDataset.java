package org.datastamp.catalog.search;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.datastamp.catalog.api.Datafile;
import org.datastamp.catalog.api.DatasetAccess;
import org.datastamp.catalog.api.DatasetType;
import org.datastamp.catalog.api.MetadataEntry;
import org.datastamp.catalog.api.NewDataset;

/** Builds test datasets: only what a test is about needs saying. */
final class TestDataset {

    /** "Now" for every test: embargoes are relative to it. */
    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    private String title = "Untitled scan";
    private String description = "";
    private DatasetType type = DatasetType.RAW;
    private String instrument = "CoSAXS";
    private String proposal = "";
    private String technique = "";
    private String sample = "";
    private Instant start = Instant.parse("2025-05-01T08:00:00Z");
    private long size = 1000;
    private final List<MetadataEntry> metadata = new ArrayList<>();
    private final List<String> keywords = new ArrayList<>();
    private final List<String> people = new ArrayList<>();
    private Instant publicFrom = NOW.plus(Duration.ofDays(365));

    static TestDataset titled(String title) {
        TestDataset d = new TestDataset();
        d.title = title;
        return d;
    }

    TestDataset description(String value) {
        description = value;
        return this;
    }

    TestDataset derived() {
        type = DatasetType.DERIVED;
        return this;
    }

    TestDataset instrument(String value) {
        instrument = value;
        return this;
    }

    TestDataset proposal(String value) {
        proposal = value;
        return this;
    }

    TestDataset technique(String value) {
        technique = value;
        return this;
    }

    TestDataset sample(String value) {
        sample = value;
        return this;
    }

    TestDataset start(String instant) {
        start = Instant.parse(instant);
        return this;
    }

    TestDataset size(long bytes) {
        size = bytes;
        return this;
    }

    TestDataset metadata(String name, Object value, String unit) {
        metadata.add(new MetadataEntry(name, value, unit));
        return this;
    }

    TestDataset keyword(String value) {
        keywords.add(value);
        return this;
    }

    TestDataset person(String fullName) {
        people.add(fullName);
        return this;
    }

    /** Public since a day before {@link #NOW}. */
    TestDataset isPublic() {
        publicFrom = NOW.minus(Duration.ofDays(1));
        return this;
    }

    TestDataset publicFrom(Instant value) {
        publicFrom = value;
        return this;
    }

    /** Records it in the catalogue's change feed under this id. */
    void recordIn(FakeCatalog catalog, String id) {
        NewDataset content = new NewDataset(title, type, instrument, sample, "raw/" + id, start,
                start.plusSeconds(60), List.of(new Datafile("data.h5", size, "SHA-256", "00", start)), metadata,
                description, proposal, "", "", technique, keywords, List.of());
        catalog.change(id, content, new DatasetAccess(proposal, instrument, publicFrom), people);
    }
}
