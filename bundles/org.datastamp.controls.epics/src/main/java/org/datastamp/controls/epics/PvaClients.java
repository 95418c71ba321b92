package org.datastamp.controls.epics;

import org.epics.pva.PVASettings;
import org.epics.pva.client.PVAClient;

/**
 * Creates PV Access clients for a connector's search settings. core-pva reads its search settings from static
 * fields of {@link PVASettings} when a client is created (they default to the EPICS_PVA_* environment variables);
 * so that several connectors with different settings can coexist in one JVM, the fields are set, the client
 * created and the previous values put back, all under one lock.
 */
final class PvaClients {

    private PvaClients() {
    }

    static PVAClient create(EpicsSettings settings) throws Exception {
        synchronized (PVASettings.class) {
            String addressList = PVASettings.EPICS_PVA_ADDR_LIST;
            boolean auto = PVASettings.EPICS_PVA_AUTO_ADDR_LIST;
            try {
                PVASettings.EPICS_PVA_ADDR_LIST = settings.addressList();
                PVASettings.EPICS_PVA_AUTO_ADDR_LIST = settings.autoAddressList();
                return new PVAClient();
            } finally {
                PVASettings.EPICS_PVA_ADDR_LIST = addressList;
                PVASettings.EPICS_PVA_AUTO_ADDR_LIST = auto;
            }
        }
    }
}
