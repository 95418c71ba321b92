package org.datastamp.acquisition.scan;

import java.time.Instant;
import java.util.List;

import org.datastamp.acquisition.api.ScanId;
import org.datastamp.catalog.api.MetadataEntry;
import org.datastamp.controls.api.VariableReading;

/**
 * Everything one scan's NeXus file records.
 *
 * @param id             the scan
 * @param title          its title
 * @param sampleName     sample measured, may be empty
 * @param instrument     beamline name
 * @param start          acquisition start
 * @param end            acquisition end
 * @param detectorId     capability id of the detector
 * @param detectorName   its display name
 * @param frames         the frames received
 * @param framesDropped  frames the detector reported it could not deliver
 * @param controls       control-system readings taken at the start
 * @param endMetadata    metadata read at the end (empty unless the beamline configured its variables)
 */
record NexusScan(ScanId id, String title, String sampleName, String instrument, Instant start, Instant end,
        String detectorId, String detectorName, FrameStack frames, long framesDropped,
        List<VariableReading> controls, List<MetadataEntry> endMetadata) {

    NexusScan {
        controls = List.copyOf(controls);
        endMetadata = List.copyOf(endMetadata);
    }
}
