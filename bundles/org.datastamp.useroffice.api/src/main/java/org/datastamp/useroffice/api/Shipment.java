package org.datastamp.useroffice.api;

import java.util.List;
import java.util.Objects;

/**
 * A mail-in shipment.
 *
 * @param id         shipment id
 * @param proposalId the proposal
 * @param instrument where its samples are measured
 * @param status     current status
 * @param tracking   carrier and tracking number
 * @param sampleIds  its samples
 * @param history    every status it had, oldest first, with time and person
 */
public record Shipment(String id, String proposalId, String instrument, ShipmentStatus status, String tracking,
        List<String> sampleIds, List<ShipmentEvent> history) {

    public Shipment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        sampleIds = List.copyOf(sampleIds);
        history = List.copyOf(history);
    }
}
