package org.datastamp.useroffice.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.datastamp.catalog.api.CatalogException;
import org.datastamp.catalog.api.DirectoryBatch;
import org.datastamp.catalog.api.FacilityDirectory;
import org.datastamp.catalog.api.InvalidInputException;
import org.datastamp.catalog.api.Proposal;
import org.datastamp.catalog.api.Sample;
import org.datastamp.catalog.api.SameTransaction;
import org.datastamp.catalog.api.Session;
import org.datastamp.catalog.api.Viewer;
import org.datastamp.useroffice.api.Allocation;
import org.datastamp.useroffice.api.ImportException;
import org.datastamp.useroffice.api.ImportProblem;
import org.datastamp.useroffice.api.ImportReport;
import org.datastamp.useroffice.api.ImportedRecords;
import org.datastamp.useroffice.api.InvalidRecordException;
import org.datastamp.useroffice.api.InvalidTransitionException;
import org.datastamp.useroffice.api.LabelFormat;
import org.datastamp.useroffice.api.NewShipment;
import org.datastamp.useroffice.api.NotPermittedException;
import org.datastamp.useroffice.api.SampleSheet;
import org.datastamp.useroffice.api.Shipment;
import org.datastamp.useroffice.api.ShipmentEvent;
import org.datastamp.useroffice.api.ShipmentStatus;
import org.datastamp.useroffice.api.UnknownRecordException;
import org.datastamp.useroffice.api.UserOffice;
import org.datastamp.useroffice.api.UserOfficeException;
import org.datastamp.useroffice.api.UserOfficeImporter;

/**
 * The user office on the catalogue's database. Every write goes through the catalogue's
 * {@link FacilityDirectory#saveAll} so that directory records and user-office rows commit together (decision 0025).
 */
class JdbcUserOffice implements UserOffice {

    /** Carries a user-office refusal out of the catalogue's transaction, which it rolls back. */
    private static final class Refused extends CatalogException {
        private static final long serialVersionUID = 1L;
        private final UserOfficeException reason;

        Refused(UserOfficeException reason) {
            super(reason.getMessage(), reason);
            this.reason = reason;
        }
    }

    @FunctionalInterface
    private interface Rows {
        void write(Connection c) throws SQLException, UserOfficeException;
    }

    @FunctionalInterface
    private interface Read<T> {
        T run(Connection c) throws SQLException;
    }

    private final DataSource dataSource;
    private final FacilityDirectory directory;
    private final Supplier<List<UserOfficeImporter>> importers;
    private final Clock clock;

    JdbcUserOffice(DataSource dataSource, FacilityDirectory directory, Supplier<List<UserOfficeImporter>> importers,
            Clock clock) {
        this.dataSource = dataSource;
        this.directory = directory;
        this.importers = importers;
        this.clock = clock;
    }

    private void write(DirectoryBatch batch, Rows rows) throws UserOfficeException {
        try {
            directory.saveAll(batch, c -> {
                try {
                    rows.write(c);
                } catch (UserOfficeException e) {
                    throw new Refused(e);
                }
            });
        } catch (Refused e) {
            throw e.reason;
        } catch (InvalidInputException e) {
            throw new InvalidRecordException(e.field(), e.getMessage());
        } catch (CatalogException e) {
            throw new UserOfficeException("Nothing was written: " + e.getMessage(), e);
        }
    }

    private static DirectoryBatch nothing() {
        return new DirectoryBatch(List.of(), List.of(), List.of(), List.of(), List.of());
    }

    private <T> T read(String what, Read<T> read) throws UserOfficeException {
        try (Connection c = dataSource.getConnection()) {
            return read.run(c);
        } catch (SQLException e) {
            throw new UserOfficeException("Could not " + what + ": " + e.getMessage(), e);
        }
    }

    private static boolean member(Viewer viewer, String proposalId) {
        return viewer.seesEverything() || viewer.proposals().contains(proposalId);
    }

    private static boolean staff(Viewer viewer, String instrument) {
        return viewer.seesEverything() || viewer.staffOf().contains(instrument);
    }

    private static NotPermittedException notPermitted(Viewer viewer, String what, String who) {
        return new NotPermittedException((viewer.username().isEmpty() ? "Anonymous visitors" : "'"
                + viewer.username() + "'") + " may not " + what + ": only " + who + " may");
    }

    private Proposal proposal(String id, String field) throws UserOfficeException {
        try {
            return directory.proposal(id).orElseThrow(() -> new InvalidRecordException(field, "no proposal '" + id
                    + "' is recorded"));
        } catch (CatalogException e) {
            throw new UserOfficeException("Could not read proposal " + id + ": " + e.getMessage(), e);
        }
    }

    // --- allocations

    @Override
    public Allocation saveAllocation(Allocation allocation, Viewer viewer) throws UserOfficeException {
        if (!viewer.seesEverything()) {
            throw notPermitted(viewer, "allocate beamtime", "curators and admins");
        }
        proposal(allocation.proposalId(), "proposalId");
        for (String sessionId : allocation.sessionIds()) {
            Session session = session(sessionId).orElseThrow(() -> new InvalidRecordException("sessionIds",
                    "no session '" + sessionId + "' is recorded"));
            if (!session.proposalId().equals(allocation.proposalId())
                    || !session.instrument().equals(allocation.instrument())) {
                throw new InvalidRecordException("sessionIds", "session '" + sessionId + "' is proposal "
                        + session.proposalId() + " on " + session.instrument() + ", not " + allocation.proposalId()
                        + " on " + allocation.instrument());
            }
        }
        write(nothing(), c -> UserOfficeRows.saveAllocation(c, allocation));
        return allocation;
    }

    private Optional<Session> session(String id) throws UserOfficeException {
        try {
            return directory.session(id);
        } catch (CatalogException e) {
            throw new UserOfficeException("Could not read session " + id + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<Allocation> allocations(String proposalId, Viewer viewer) throws UserOfficeException {
        List<Allocation> all = read("read allocations", c -> UserOfficeRows.allocations(c, proposalId));
        return all.stream().filter(a -> member(viewer, proposalId) || staff(viewer, a.instrument())).toList();
    }

    // --- samples

    @Override
    public SampleSheet registerSample(SampleSheet sheet, Viewer viewer) throws UserOfficeException {
        String proposalId = sheet.sample().proposalId();
        if (!member(viewer, proposalId)) {
            throw notPermitted(viewer, "register samples of proposal " + proposalId, "its members, curators and"
                    + " admins");
        }
        Optional<Sample> before = catalogSample(sheet.sample().id());
        if (before.isPresent() && !member(viewer, before.get().proposalId())) {
            throw new InvalidRecordException("id", "sample '" + sheet.sample().id() + "' is taken by another"
                    + " proposal");
        }
        write(new DirectoryBatch(List.of(), List.of(), List.of(), List.of(), List.of(sheet.sample())),
                c -> UserOfficeRows.saveDetails(c, sheet));
        return sheet;
    }

    private Optional<Sample> catalogSample(String id) throws UserOfficeException {
        try {
            return directory.sample(id);
        } catch (CatalogException e) {
            throw new UserOfficeException("Could not read sample " + id + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<SampleSheet> sample(String sampleId, Viewer viewer) throws UserOfficeException {
        Optional<Sample> sample = catalogSample(sampleId);
        if (sample.isEmpty() || !(member(viewer, sample.get().proposalId()) || !viewer.staffOf().isEmpty())) {
            return Optional.empty();
        }
        Optional<UserOfficeRows.Details> details = read("read sample " + sampleId,
                c -> UserOfficeRows.details(c, sampleId));
        return details.map(d -> new SampleSheet(sample.get(), d.composition(), d.hazard(), d.safety()));
    }

    @Override
    public byte[] label(String sampleId, LabelFormat format, Viewer viewer) throws UserOfficeException {
        SampleSheet sheet = sample(sampleId, viewer).orElseThrow(() -> new UnknownRecordException("No sample sheet '"
                + sampleId + "' that you may see"));
        return format == LabelFormat.PNG ? Labels.png(sheet) : Labels.pdf(sheet);
    }

    // --- shipments

    @Override
    public Shipment createShipment(NewShipment s, Viewer viewer) throws UserOfficeException {
        if (!member(viewer, s.proposalId())) {
            throw notPermitted(viewer, "ship samples of proposal " + s.proposalId(), "its members, curators and"
                    + " admins");
        }
        proposal(s.proposalId(), "proposalId");
        for (int i = 0; i < s.sampleIds().size(); i++) {
            String id = s.sampleIds().get(i);
            Optional<Sample> sample = catalogSample(id);
            if (sample.isEmpty() || !sample.get().proposalId().equals(s.proposalId())) {
                throw new InvalidRecordException("sampleIds[" + i + "]", "no sample '" + id + "' of proposal "
                        + s.proposalId() + " is registered");
            }
        }
        if (read("read shipment", c -> UserOfficeRows.shipment(c, s.id())).isPresent()) {
            throw new InvalidRecordException("id", "shipment '" + s.id() + "' exists already");
        }
        Shipment shipment = new Shipment(s.id(), s.proposalId(), s.instrument(), ShipmentStatus.CREATED,
                s.tracking(), s.sampleIds(), List.of(new ShipmentEvent(ShipmentStatus.CREATED,
                        clock.instant().truncatedTo(ChronoUnit.MICROS), viewer.username(), "")));
        write(nothing(), c -> UserOfficeRows.insertShipment(c, shipment));
        return shipment;
    }

    @Override
    public Shipment advance(String shipmentId, ShipmentStatus to, String note, Viewer viewer)
            throws UserOfficeException {
        Shipment current = shipment(shipmentId, viewer).orElseThrow(() -> new UnknownRecordException("No shipment '"
                + shipmentId + "' that you may see"));
        if (!current.status().next().contains(to)) {
            throw new InvalidTransitionException("Shipment " + shipmentId + " is " + current.status() + "; "
                    + (current.status().next().isEmpty() ? "that is final, it changes no more"
                            : "it can become " + String.join(" or ", current.status().next().stream()
                                    .map(Enum::name).sorted().toList()) + " next")
                    + ", not " + to + ". Nothing was changed.");
        }
        if (to.setByUser() ? !member(viewer, current.proposalId()) && !staff(viewer, current.instrument())
                : !staff(viewer, current.instrument())) {
            throw notPermitted(viewer, "mark shipment " + shipmentId + " " + to, to.setByUser()
                    ? "members of proposal " + current.proposalId() + " and staff of " + current.instrument()
                    : "staff of " + current.instrument() + ", curators and admins");
        }
        ShipmentEvent event = new ShipmentEvent(to, clock.instant().truncatedTo(ChronoUnit.MICROS),
                viewer.username(), note);
        write(nothing(), c -> {
            if (!UserOfficeRows.moveStatus(c, shipmentId, current.status(), to)) {
                throw new InvalidTransitionException("Shipment " + shipmentId + " changed from " + current.status()
                        + " meanwhile; nothing was changed: look at it again");
            }
            UserOfficeRows.insertEvent(c, shipmentId, current.history().size(), event);
        });
        return shipment(shipmentId, viewer).orElseThrow();
    }

    @Override
    public Optional<Shipment> shipment(String shipmentId, Viewer viewer) throws UserOfficeException {
        return read("read shipment " + shipmentId, c -> UserOfficeRows.shipment(c, shipmentId))
                .filter(s -> member(viewer, s.proposalId()) || staff(viewer, s.instrument()));
    }

    @Override
    public List<Shipment> queue(String instrument, Viewer viewer) throws UserOfficeException {
        if (!staff(viewer, instrument)) {
            throw notPermitted(viewer, "see the shipment queue of " + instrument, "its staff, curators and admins");
        }
        return read("read the queue of " + instrument, c -> UserOfficeRows.openShipments(c, instrument));
    }

    // --- import

    @Override
    public ImportReport importFile(String fileName, byte[] content, Viewer viewer) throws UserOfficeException {
        if (!viewer.seesEverything()) {
            throw notPermitted(viewer, "import user-office records", "curators and admins");
        }
        UserOfficeImporter importer = importers.get().stream().filter(i -> i.accepts(fileName)).findFirst()
                .orElseThrow(() -> new InvalidRecordException("fileName", "no importer reads '" + fileName
                        + "' (the file importer reads .json and .csv)"));
        ImportedRecords records = importer.read(fileName, content);
        List<ImportProblem> problems = references(records);
        if (!problems.isEmpty()) {
            throw new ImportException(fileName, problems);
        }
        DirectoryBatch d = records.directory();
        try {
            write(d, c -> {
                for (Allocation a : records.allocations()) {
                    UserOfficeRows.saveAllocation(c, a);
                }
                for (SampleSheet s : records.samples()) {
                    UserOfficeRows.saveDetails(c, s);
                }
            });
        } catch (InvalidRecordException e) {
            throw new ImportException(fileName, List.of(new ImportProblem(0, e.field(), e.getMessage())));
        }
        return new ImportReport(importer.id(), d.persons().size(), d.proposals().size(), d.sessions().size(),
                d.samples().size(), records.allocations().size());
    }

    /** Proposals and sessions a record names must be in the file or recorded already. */
    private List<ImportProblem> references(ImportedRecords r) throws UserOfficeException {
        Set<String> proposals = new HashSet<>();
        r.directory().proposals().forEach(p -> proposals.add(p.id()));
        Set<String> sessions = new HashSet<>();
        r.directory().sessions().forEach(s -> sessions.add(s.id()));
        List<ImportProblem> problems = new ArrayList<>();
        for (Session s : r.directory().sessions()) {
            requireProposal(proposals, s.proposalId(), r.line("session", s.id()), problems);
        }
        for (Sample s : r.directory().samples()) {
            requireProposal(proposals, s.proposalId(), r.line("sample", s.id()), problems);
        }
        for (Allocation a : r.allocations()) {
            requireProposal(proposals, a.proposalId(), r.line("allocation", a.id()), problems);
            for (String s : a.sessionIds()) {
                if (!sessions.contains(s) && session(s).isEmpty()) {
                    problems.add(new ImportProblem(r.line("allocation", a.id()), "sessions", "no session '" + s
                            + "' in the file or recorded"));
                }
            }
        }
        problems.sort(java.util.Comparator.comparingInt(ImportProblem::line));
        return problems;
    }

    private void requireProposal(Set<String> inFile, String id, int line, List<ImportProblem> problems)
            throws UserOfficeException {
        if (!id.isEmpty() && !inFile.contains(id)) {
            try {
                if (directory.proposal(id).isEmpty()) {
                    problems.add(new ImportProblem(line, "proposal", "no proposal '" + id
                            + "' in the file or recorded"));
                }
            } catch (CatalogException e) {
                throw new UserOfficeException("Could not read proposal " + id + ": " + e.getMessage(), e);
            }
        }
    }
}
