package org.datastamp.logbook.jdbc;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.datastamp.acquisition.api.ScanStatus;
import org.datastamp.catalog.api.Catalog;
import org.datastamp.catalog.api.CatalogException;
import org.datastamp.catalog.api.Dataset;
import org.datastamp.catalog.api.MetadataEntry;
import org.datastamp.catalog.api.Viewer;
import org.datastamp.logbook.api.LogbookException;
import org.datastamp.logbook.jdbc.LogbookRows.StoredScan;

/**
 * Fills the scans overview from acquisition: each scan the scan service reports is recorded when first seen and
 * again whenever its state or frame count changes. Once its dataset is recorded, the dataset gives its start time,
 * instrument, sample and the beamline's key metadata columns; its session is the dataset's, or else the session on
 * its instrument at its start.
 */
final class ScanFeed {

    private final Transactions db;
    private final Supplier<Catalog> catalog;
    private final String instrument;
    private final Map<String, List<String>> keyColumns;
    private final Clock clock;
    /** What was last recorded per scan, so an unchanged scan costs no write. */
    private final Map<String, String> recorded = new HashMap<>();

    /**
     * @param instrument the scan service's instrument, for scans not yet recorded as datasets
     * @param keyColumns per instrument, the metadata names shown as overview columns
     */
    ScanFeed(DataSource dataSource, Catalog catalog, String instrument, Map<String, List<String>> keyColumns,
            Clock clock) {
        this(dataSource, () -> catalog, instrument, keyColumns, clock);
    }

    /** @param catalog the catalogue now, {@code null} while there is none (datasets are then read on a later poll) */
    ScanFeed(DataSource dataSource, Supplier<Catalog> catalog, String instrument,
            Map<String, List<String>> keyColumns, Clock clock) {
        this.db = new Transactions(dataSource);
        this.catalog = catalog;
        this.instrument = instrument;
        this.keyColumns = Map.copyOf(keyColumns);
        this.clock = clock;
    }

    /** Records what changed among these statuses; returns how many scans were written. */
    int observe(List<ScanStatus> statuses) throws LogbookException {
        int written = 0;
        for (ScanStatus status : statuses) {
            String fingerprint = status.state() + "/" + status.framesWritten() + "/" + status.dataset().isPresent();
            if (fingerprint.equals(recorded.get(status.id().value()))) {
                continue;
            }
            record(status);
            recorded.put(status.id().value(), fingerprint);
            written++;
        }
        return written;
    }

    private void record(ScanStatus status) throws LogbookException {
        String scanId = status.id().value();
        Optional<Dataset> dataset = dataset(status);
        db.write("record scan " + scanId + " in the logbook", c -> {
            Optional<StoredScan> before = LogbookRows.scan(c, scanId);
            Instant started = dataset.map(d -> d.content().startTime())
                    .or(() -> before.map(StoredScan::started))
                    .orElse(clock.instant()).truncatedTo(ChronoUnit.MICROS);
            String where = dataset.map(d -> d.content().instrument())
                    .or(() -> before.map(StoredScan::instrument)).orElse(instrument);
            Optional<String> session = dataset.map(d -> d.content().sessionId()).filter(s -> !s.isEmpty());
            if (session.isEmpty()) {
                session = LogbookRows.sessionAt(c, where, started);
            }
            String sample = dataset.map(d -> d.content().sampleName()).filter(s -> !s.isEmpty())
                    .orElse(status.request().sampleName());
            LogbookRows.saveScan(c, new StoredScan(scanId, session.orElse(""), where, started,
                    status.request().title(), status.request().detectorId(), sample, status.state().name(),
                    status.dataset().map(d -> d.value()).orElse(""), status.framesWritten(),
                    status.error().orElse("")), dataset.map(d -> values(where, d)).orElse(Map.of()));
            return null;
        });
    }

    private Optional<Dataset> dataset(ScanStatus status) throws LogbookException {
        if (status.dataset().isEmpty()) {
            return Optional.empty();
        }
        try {
            Catalog current = catalog.get();
            if (current == null) {
                throw new LogbookException("No catalogue is running to read dataset " + status.dataset().get()
                        + " of scan " + status.id() + "; the next poll tries again");
            }
            return current.find(status.dataset().get(), Viewer.system());
        } catch (CatalogException e) {
            throw new LogbookException("Could not read dataset " + status.dataset().get() + " of scan "
                    + status.id() + ": " + e.getMessage(), e);
        }
    }

    /** The instrument's key columns as text with units, in the configured order. */
    private Map<String, String> values(String where, Dataset dataset) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : keyColumns.getOrDefault(where, List.of())) {
            for (MetadataEntry entry : dataset.content().metadata()) {
                if (entry.name().equals(name)) {
                    values.put(name, format(entry));
                }
            }
        }
        return values;
    }

    static String format(MetadataEntry entry) {
        String value = entry.value() instanceof Double d ? String.format(Locale.ROOT, "%.6g", d)
                .replaceFirst("\\.?0+(e|$)", "$1") : String.valueOf(entry.value());
        return entry.unit().isEmpty() ? value : value + " " + entry.unit();
    }

    /** Parses {@code INSTRUMENT: name, name} lines of the configuration. */
    static Map<String, List<String>> keyColumns(String[] lines) {
        Map<String, List<String>> columns = new HashMap<>();
        for (String line : lines == null ? new String[0] : lines) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("keyColumns entry '" + line + "' is not INSTRUMENT: name, name");
            }
            columns.put(line.substring(0, colon).strip(), List.of(line.substring(colon + 1).strip().split("\\s*,\\s*")));
        }
        return columns;
    }
}
