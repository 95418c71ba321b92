package org.datastamp.catalog.search;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import org.apache.lucene.document.LongPoint;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.util.BytesRef;
import org.datastamp.catalog.api.Viewer;

/** The access rule of {@link Viewer} as a Lucene filter, applied to hits, totals and facet counts alike. */
final class AccessFilter {

    private AccessFilter() {
    }

    /** The filter for this viewer at this moment; empty when the viewer sees everything. */
    static Optional<Query> forViewer(Viewer viewer, Instant now) {
        if (viewer.seesEverything()) {
            return Optional.empty();
        }
        BooleanQuery.Builder visible = new BooleanQuery.Builder()
                .add(LongPoint.newRangeQuery(IndexFields.ACCESS_PUBLIC_FROM, Long.MIN_VALUE, IndexFields.millis(now)),
                        Occur.SHOULD);
        if (!viewer.proposals().isEmpty()) {
            visible.add(anyOf(IndexFields.ACCESS_PROPOSAL, viewer.proposals()), Occur.SHOULD);
        }
        if (!viewer.staffOf().isEmpty()) {
            visible.add(anyOf(IndexFields.ACCESS_INSTRUMENT, viewer.staffOf()), Occur.SHOULD);
        }
        return Optional.of(visible.setMinimumNumberShouldMatch(1).build());
    }

    private static Query anyOf(String field, Set<String> ids) {
        return new TermInSetQuery(field, ids.stream().map(BytesRef::new).toList());
    }
}
