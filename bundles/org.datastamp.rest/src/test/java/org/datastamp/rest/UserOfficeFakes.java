package org.datastamp.rest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.datastamp.catalog.api.Viewer;
import org.datastamp.useroffice.api.Allocation;
import org.datastamp.useroffice.api.ImportException;
import org.datastamp.useroffice.api.ImportProblem;
import org.datastamp.useroffice.api.ImportReport;
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

/**
 * An in-memory user office with the service's rules in small: curators allocate and import; members of P1 register
 * samples and ship; CoSAXS staff move shipments on; an import with a row holding "bad" is refused whole.
 */
final class UserOfficeFakes implements UserOffice {

    final Map<String, Allocation> allocations = new LinkedHashMap<>();
    final Map<String, SampleSheet> samples = new LinkedHashMap<>();
    final Map<String, Shipment> shipments = new LinkedHashMap<>();
    int imported;

    private static boolean member(Viewer viewer) {
        return viewer.seesEverything() || viewer.proposals().contains("P1");
    }

    private static boolean staff(Viewer viewer, String instrument) {
        return viewer.seesEverything() || viewer.staffOf().contains(instrument);
    }

    @Override
    public Allocation saveAllocation(Allocation allocation, Viewer viewer) throws UserOfficeException {
        if (!viewer.seesEverything()) {
            throw new NotPermittedException("Only curators and admins allocate beamtime");
        }
        if (!allocation.proposalId().equals("P1")) {
            throw new InvalidRecordException("proposalId", "no proposal '" + allocation.proposalId() + "'");
        }
        allocations.put(allocation.id(), allocation);
        return allocation;
    }

    @Override
    public List<Allocation> allocations(String proposalId, Viewer viewer) {
        return allocations.values().stream().filter(a -> a.proposalId().equals(proposalId) && member(viewer)).toList();
    }

    @Override
    public SampleSheet registerSample(SampleSheet sample, Viewer viewer) throws UserOfficeException {
        if (!member(viewer)) {
            throw new NotPermittedException("Only members of proposal " + sample.sample().proposalId()
                    + " register its samples");
        }
        samples.put(sample.sample().id(), sample);
        return sample;
    }

    @Override
    public Optional<SampleSheet> sample(String sampleId, Viewer viewer) {
        return member(viewer) ? Optional.ofNullable(samples.get(sampleId)) : Optional.empty();
    }

    @Override
    public byte[] label(String sampleId, LabelFormat format, Viewer viewer) throws UserOfficeException {
        if (sample(sampleId, viewer).isEmpty()) {
            throw new UnknownRecordException("No sample '" + sampleId + "' you may see");
        }
        return (format == LabelFormat.PNG ? "PNG " : "PDF ").concat(sampleId).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Shipment createShipment(NewShipment shipment, Viewer viewer) throws UserOfficeException {
        if (!member(viewer)) {
            throw new NotPermittedException("Only members of proposal " + shipment.proposalId() + " ship its samples");
        }
        Shipment created = new Shipment(shipment.id(), shipment.proposalId(), shipment.instrument(),
                ShipmentStatus.CREATED, shipment.tracking(), shipment.sampleIds(), List.of(new ShipmentEvent(
                        ShipmentStatus.CREATED, Fakes.T0, viewer.username(), "")));
        shipments.put(created.id(), created);
        return created;
    }

    @Override
    public Shipment advance(String shipmentId, ShipmentStatus to, String note, Viewer viewer)
            throws UserOfficeException {
        Shipment s = shipment(shipmentId, viewer).orElseThrow(() -> new UnknownRecordException("No shipment '"
                + shipmentId + "' you may see"));
        if (!s.status().next().contains(to)) {
            throw new InvalidTransitionException("Shipment " + shipmentId + " is " + s.status() + "; it can become "
                    + s.status().next() + " next, not " + to + ". Nothing was changed.");
        }
        if (to.setByUser() ? !member(viewer) : !staff(viewer, s.instrument())) {
            throw new NotPermittedException("Only staff of " + s.instrument() + " mark a shipment " + to);
        }
        List<ShipmentEvent> history = new ArrayList<>(s.history());
        history.add(new ShipmentEvent(to, Fakes.T0.plusSeconds(history.size()), viewer.username(), note));
        Shipment moved = new Shipment(s.id(), s.proposalId(), s.instrument(), to, s.tracking(), s.sampleIds(),
                history);
        shipments.put(shipmentId, moved);
        return moved;
    }

    @Override
    public Optional<Shipment> shipment(String shipmentId, Viewer viewer) {
        Shipment s = shipments.get(shipmentId);
        return s != null && (member(viewer) || staff(viewer, s.instrument())) ? Optional.of(s) : Optional.empty();
    }

    @Override
    public List<Shipment> queue(String instrument, Viewer viewer) throws UserOfficeException {
        if (!staff(viewer, instrument)) {
            throw new NotPermittedException("Only staff of " + instrument + " see its queue");
        }
        return shipments.values().stream().filter(s -> s.instrument().equals(instrument))
                .filter(s -> !s.status().next().isEmpty())
                .sorted(Comparator.comparing(s -> s.history().get(0).time())).toList();
    }

    @Override
    public ImportReport importFile(String fileName, byte[] content, Viewer viewer) throws UserOfficeException {
        if (!viewer.seesEverything()) {
            throw new NotPermittedException("Only curators and admins import");
        }
        String[] lines = new String(content, StandardCharsets.UTF_8).split("\n");
        List<ImportProblem> problems = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains("bad")) {
                problems.add(new ImportProblem(i + 1, "kind", "unknown kind 'bad'"));
            }
        }
        if (!problems.isEmpty()) {
            throw new ImportException(fileName, problems);
        }
        imported += lines.length - 1;
        return new ImportReport("file", lines.length - 1, 0, 0, 0, 0);
    }
}
