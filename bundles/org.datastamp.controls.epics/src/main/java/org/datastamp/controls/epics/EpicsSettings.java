package org.datastamp.controls.epics;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What an EPICS connector offers and how it finds the PVs, checked once when the configuration is read.
 *
 * @param pvs             the PVs to offer, in display order
 * @param addressList     EPICS_PVA_ADDR_LIST: UDP search addresses (host or host:port, space separated)
 * @param autoAddressList EPICS_PVA_AUTO_ADDR_LIST: also search on every interface's broadcast address
 * @param timeout         longest wait to connect to and read one PV
 * @param capabilityId    capability id of this connector
 * @param displayName     name shown to users
 */
record EpicsSettings(List<PvEntry> pvs, String addressList, boolean autoAddressList, Duration timeout, String capabilityId, String displayName) {

    EpicsSettings {
        pvs = List.copyOf(pvs);
        if (pvs.isEmpty()) {
            throw new IllegalArgumentException("List at least one EPICS PV to offer (pvs), e.g. SR:DCCT:current");
        }
        Set<String> names = new HashSet<>();
        for (PvEntry pv : pvs) {
            if (!names.add(pv.name())) {
                throw new IllegalArgumentException("Two EPICS PVs are recorded as '" + pv.name() + "'; give one of"
                        + " them another name (" + pv.pv() + ";name=...)");
            }
        }
        addressList = addressList == null ? "" : addressList.trim();
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("EPICS timeout must be positive, got " + timeout);
        }
        if (capabilityId == null || !capabilityId.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException("Capability id must be lower-case letters, digits and '-', got '"
                    + capabilityId + "'");
        }
        displayName = displayName == null || displayName.isBlank() ? capabilityId : displayName;
    }

    /**
     * A .cfg file gives {@code pvs} as one comma-separated string, which Declarative Services hands over as a
     * one-element array: both forms are split here.
     */
    static EpicsSettings from(EpicsPvaConnector.Config config) {
        return new EpicsSettings(Arrays.stream(config.pvs()).flatMap(p -> Arrays.stream(p.split(",")))
                .filter(s -> !s.isBlank()).map(PvEntry::parse).toList(), config.addressList(), config.autoAddressList(), Duration.ofMillis(Math.round(config.timeoutSeconds() * 1000)), config.capabilityId(),
                config.displayName());
    }
}
