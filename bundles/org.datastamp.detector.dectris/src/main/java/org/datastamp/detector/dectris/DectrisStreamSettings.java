package org.datastamp.detector.dectris;

import java.util.Objects;

import org.datastamp.detector.api.FrameGeometry;

/**
 * A DECTRIS stream detector's configuration, validated.
 *
 * @param endpoint              the detector's stream endpoint, e.g. {@code tcp://eiger-dcu:9999} (v1) or
 *                              {@code tcp://eiger-dcu:31001} (v2)
 * @param capabilityId          unique id of this detector among detectors
 * @param displayName           name shown to users
 * @param version               stream version accepted
 * @param receiveTimeoutMillis  how long to wait for a series to start, and how long a running series may fall silent
 * @param defaultGeometry       geometry reported until a series header says otherwise
 * @param channel               stream v2 image channel to take; empty takes the first
 * @param receiveHighWaterMark  messages ZeroMQ may queue on the receiving side before the detector must wait
 */
public record DectrisStreamSettings(String endpoint, String capabilityId, String displayName, ProtocolVersion version,
        long receiveTimeoutMillis, FrameGeometry defaultGeometry, String channel, int receiveHighWaterMark) {

    public DectrisStreamSettings {
        if (endpoint == null || !endpoint.matches("(tcp|ipc|inproc)://.+")) {
            throw new IllegalArgumentException("DECTRIS stream endpoint must look like tcp://host:port, got '"
                    + endpoint + "'");
        }
        if (capabilityId == null || capabilityId.isBlank()) {
            throw new IllegalArgumentException("DECTRIS stream detector needs a capabilityId");
        }
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(version, "version");
        if (receiveTimeoutMillis <= 0) {
            throw new IllegalArgumentException("receiveTimeoutMillis must be positive, got " + receiveTimeoutMillis);
        }
        Objects.requireNonNull(defaultGeometry, "defaultGeometry");
        Objects.requireNonNull(channel, "channel");
        if (receiveHighWaterMark <= 0) {
            throw new IllegalArgumentException("receiveHighWaterMark must be positive, got " + receiveHighWaterMark);
        }
    }
}
