package org.datastamp.rest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.datastamp.acquisition.api.ScanException;
import org.datastamp.acquisition.api.ScanId;
import org.datastamp.acquisition.api.ScanRequest;
import org.datastamp.acquisition.api.ScanService;
import org.datastamp.acquisition.api.ScanState;
import org.datastamp.acquisition.api.ScanStatus;
import org.datastamp.catalog.api.Catalog;
import org.datastamp.catalog.api.CatalogException;
import org.datastamp.catalog.api.Datafile;
import org.datastamp.catalog.api.Dataset;
import org.datastamp.catalog.api.DatasetId;
import org.datastamp.catalog.api.DatasetType;
import org.datastamp.catalog.api.MetadataEntry;
import org.datastamp.catalog.api.NewDataset;
import org.datastamp.core.api.CapabilityInfo;
import org.datastamp.core.api.CapabilityKind;
import org.datastamp.core.api.CapabilityRegistry;
import org.datastamp.core.api.CapabilityState;

/** Small in-memory stand-ins for the services the REST resources use. */
final class Fakes {

    private Fakes() {
    }

    static final Instant T0 = Instant.parse("2026-01-31T12:00:00Z");

    static Dataset dataset(String id, int minutesAfterT0) {
        Instant start = T0.plusSeconds(60L * minutesAfterT0);
        NewDataset content = new NewDataset("Scan " + id, DatasetType.RAW, "SimBeamline", "lysozyme", "hot/" + id,
                start, start.plusSeconds(5),
                List.of(new Datafile("scan.nxs", 2048, "SHA-256", "ab".repeat(32), start.plusSeconds(5))),
                List.of(new MetadataEntry("sample_temperature", 293.5, "K"),
                        new MetadataEntry("frames", 10, ""),
                        new MetadataEntry("shutter_open", true, ""),
                        new MetadataEntry("energies", List.of(1L, 2.5, "x"), "keV")));
        return new Dataset(new DatasetId(id), start.plusSeconds(6), content);
    }

    static final class FakeCatalog implements Catalog {
        final List<Dataset> datasets = new ArrayList<>();
        boolean broken;

        @Override
        public String capabilityId() {
            return "fake-catalog";
        }

        @Override
        public String displayName() {
            return "Fake catalogue";
        }

        @Override
        public Dataset register(NewDataset dataset) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Dataset> find(DatasetId id) throws CatalogException {
            check();
            return datasets.stream().filter(d -> d.id().equals(id)).findFirst();
        }

        @Override
        public List<Dataset> list(int offset, int limit) throws CatalogException {
            check();
            return datasets.stream().sorted(Comparator.comparing(Dataset::created).reversed()).skip(offset).limit(limit)
                    .toList();
        }

        @Override
        public long count() throws CatalogException {
            check();
            return datasets.size();
        }

        private void check() throws CatalogException {
            if (broken) {
                throw new CatalogException("database file is locked");
            }
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
