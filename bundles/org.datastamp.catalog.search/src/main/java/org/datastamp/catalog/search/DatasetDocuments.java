package org.datastamp.catalog.search;

import java.io.IOException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.util.BytesRef;
import org.datastamp.catalog.api.Dataset;
import org.datastamp.catalog.api.DatasetChange;
import org.datastamp.catalog.api.MetadataEntry;
import org.datastamp.catalog.api.NewDataset;
import org.datastamp.catalog.api.NormalizedQuantity;
import org.datastamp.catalog.api.UnitConverter;
import org.datastamp.catalog.api.UnknownUnitException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.datastamp.catalog.search.IndexFields.*;

/** Turns a dataset, as a catalogue change reports it, into the index document. */
final class DatasetDocuments {

    private static final Logger LOG = LoggerFactory.getLogger(DatasetDocuments.class);

    /** Sort keys are prefixes; doc values refuse terms over 32 KB and a title sorts by its start anyway. */
    private static final int SORT_KEY_CHARS = 200;

    private final UnitConverter units;
    private final FacetsConfig facetsConfig;

    DatasetDocuments(UnitConverter units, FacetsConfig facetsConfig) {
        this.units = units;
        this.facetsConfig = facetsConfig;
    }

    Document toDocument(DatasetChange change) throws IOException {
        Dataset dataset = change.dataset();
        NewDataset content = dataset.content();
        Document doc = new Document();
        String id = dataset.id().value();
        doc.add(new StringField(ID, id, Field.Store.YES));
        doc.add(new SortedDocValuesField(ID, new BytesRef(id)));

        List<String> text = new ArrayList<>(List.of(id, content.title(), content.description(), content.sampleName(),
                content.technique(), content.instrument(), content.proposalId(), dataset.doi()));
        text.addAll(content.keywords());
        text.addAll(change.people());

        keyword(doc, "instrument", content.instrument());
        keyword(doc, "proposal", content.proposalId());
        keyword(doc, "technique", content.technique());
        keyword(doc, "sample", content.sampleName());
        keyword(doc, "type", content.type().name());
        content.keywords().forEach(k -> keyword(doc, "keyword", k));

        long start = millis(content.startTime());
        doc.add(new LongPoint(START, start));
        doc.add(new NumericDocValuesField(START, start));
        doc.add(new StoredField(START, start));
        doc.add(new LongPoint(END, millis(content.endTime())));
        long size = dataset.size();
        doc.add(new LongPoint(SIZE, size));
        doc.add(new NumericDocValuesField(SIZE, size));
        doc.add(new StoredField(SIZE, size));

        doc.add(new SortedDocValuesField(SORT_TITLE, new BytesRef(sortKey(content.title()))));
        doc.add(new SortedDocValuesField(SORT_INSTRUMENT, new BytesRef(sortKey(content.instrument()))));
        doc.add(new StoredField(STORED_TITLE, content.title()));
        doc.add(new StoredField(STORED_INSTRUMENT, content.instrument()));
        doc.add(new StoredField(STORED_PROPOSAL, content.proposalId()));
        doc.add(new StoredField(STORED_TECHNIQUE, content.technique()));

        for (MetadataEntry entry : content.metadata()) {
            text.add(entry.name());
            List<?> values = entry.value() instanceof List<?> list ? list : List.of(entry.value());
            for (Object value : values) {
                if (value instanceof String s) {
                    text.add(s);
                } else if (value instanceof Number n) {
                    quantity(doc, id, entry, n.doubleValue());
                }
            }
        }
        for (String part : text) {
            if (!part.isBlank()) {
                doc.add(new TextField(TEXT, part, Field.Store.NO));
            }
        }

        if (!content.proposalId().isEmpty()) {
            doc.add(new StringField(ACCESS_PROPOSAL, content.proposalId(), Field.Store.NO));
        }
        doc.add(new StringField(ACCESS_INSTRUMENT, content.instrument(), Field.Store.NO));
        doc.add(new LongPoint(ACCESS_PUBLIC_FROM, millis(dataset.access().publicFrom())));

        facet(doc, FACET_INSTRUMENT, content.instrument());
        facet(doc, FACET_TECHNIQUE, content.technique());
        facet(doc, FACET_PROPOSAL, content.proposalId());
        facet(doc, FACET_YEAR, Integer.toString(content.startTime().atZone(ZoneOffset.UTC).getYear()));
        return facetsConfig.build(doc);
    }

    private void quantity(Document doc, String id, MetadataEntry entry, double value) {
        if (!Double.isFinite(value)) {
            return; // NaN and infinities compare with nothing a person would type
        }
        try {
            NormalizedQuantity q = units.normalize(value, entry.unit());
            doc.add(new DoublePoint(metadata(entry.name(), q.systemUnit()), q.value()));
        } catch (UnknownUnitException e) {
            // The catalogue checks units on registration; a unit it accepted and we cannot read stays searchable
            // as text (name) but not by value. The catalogue keeps the data; nothing is lost.
            LOG.warn("Dataset {}: metadata '{}' not indexed by value: {}", id, entry.name(), e.getMessage());
        }
    }

    private static void keyword(Document doc, String field, String value) {
        if (!value.isEmpty()) {
            doc.add(new StringField(field, IndexFields.keyword(value), Field.Store.NO));
        }
    }

    private static void facet(Document doc, String dimension, String value) {
        if (!value.isEmpty()) {
            doc.add(new SortedSetDocValuesFacetField(dimension, value));
        }
    }

    private static String sortKey(String value) {
        String key = IndexFields.keyword(value);
        return key.length() > SORT_KEY_CHARS ? key.substring(0, SORT_KEY_CHARS) : key;
    }
}
