package org.datastamp.useroffice.api;

import java.util.List;
import java.util.Optional;

import org.datastamp.catalog.api.Viewer;

/**
 * User-office records. Proposals (members, PI), sessions and plain samples are the catalogue's
 * ({@link org.datastamp.catalog.api.FacilityDirectory}); this service adds to them. Who may do what: curators and
 * admins everything; a proposal's members and PI its samples and shipments (creating, sending); staff of an
 * instrument its queue (receiving, measuring, returning, disposing). Records a viewer may not see are reported as
 * unknown.
 */
public interface UserOffice {

    /** Creates or replaces a block allocation and the sessions it groups; curators and admins. */
    Allocation saveAllocation(Allocation allocation, Viewer viewer) throws UserOfficeException;

    /** A proposal's allocations. */
    List<Allocation> allocations(String proposalId, Viewer viewer) throws UserOfficeException;

    /** Registers (or replaces) a sample with its composition and safety information, in one transaction. */
    SampleSheet registerSample(SampleSheet sample, Viewer viewer) throws UserOfficeException;

    Optional<SampleSheet> sample(String sampleId, Viewer viewer) throws UserOfficeException;

    /** A label for the physical sample: a QR code of {@code sample:<id>} with its id and name, as PNG or PDF. */
    byte[] label(String sampleId, LabelFormat format, Viewer viewer) throws UserOfficeException;

    /** Records a new mail-in shipment, status CREATED. */
    Shipment createShipment(NewShipment shipment, Viewer viewer) throws UserOfficeException;

    /**
     * Moves a shipment to its next status, recorded with time and person.
     *
     * @throws InvalidTransitionException when {@code to} does not follow the current status
     */
    Shipment advance(String shipmentId, ShipmentStatus to, String note, Viewer viewer) throws UserOfficeException;

    Optional<Shipment> shipment(String shipmentId, Viewer viewer) throws UserOfficeException;

    /** Open shipments (not yet returned or disposed) for an instrument, oldest first: the staff's queue. */
    List<Shipment> queue(String instrument, Viewer viewer) throws UserOfficeException;

    /**
     * Imports a file from an external user-office system with the first {@link UserOfficeImporter} that accepts it;
     * curators and admins. All or nothing: any bad row is an {@link ImportException} listing every bad row with its
     * line number, and nothing is written.
     */
    ImportReport importFile(String fileName, byte[] content, Viewer viewer) throws UserOfficeException;
}
