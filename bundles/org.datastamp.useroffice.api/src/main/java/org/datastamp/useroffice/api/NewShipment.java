package org.datastamp.useroffice.api;

import java.util.List;

/**
 * A shipment to record.
 *
 * @param id         shipment id
 * @param proposalId the proposal the samples belong to
 * @param instrument where they are to be measured
 * @param tracking   carrier and tracking number, empty if not known yet
 * @param sampleIds  the registered samples in it, at least one
 */
public record NewShipment(String id, String proposalId, String instrument, String tracking, List<String> sampleIds) {

    public NewShipment {
        Records.requireId("shipment id", id);
        Records.requireId("proposal id of shipment " + id, proposalId);
        Records.requireId("instrument of shipment " + id, instrument);
        tracking = tracking == null ? "" : tracking;
        sampleIds = List.copyOf(sampleIds);
        if (sampleIds.isEmpty()) {
            throw new IllegalArgumentException("Shipment '" + id + "' needs at least one sample");
        }
    }
}
