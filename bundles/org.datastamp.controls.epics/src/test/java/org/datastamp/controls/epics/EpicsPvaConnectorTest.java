package org.datastamp.controls.epics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.datastamp.controls.api.ControlSystemException;
import org.datastamp.controls.api.ControlVariable;
import org.datastamp.controls.api.VariableReading;
import org.epics.pva.PVASettings;
import org.epics.pva.data.nt.PVAAlarm;
import org.epics.pva.data.nt.PVADisplay;
import org.epics.pva.data.nt.PVAScalar;
import org.epics.pva.data.nt.PVATimeStamp;
import org.epics.pva.server.PVAServer;
import org.epics.pva.server.ServerPV;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Talks PV Access over loopback to a real PVA server (core-pva's) serving NTScalar PVs as an IOC's QSRV would.
 */
class EpicsPvaConnectorTest {

    private static final Instant STAMP = Instant.parse("2026-03-01T10:00:00.250Z");

    private static PVAServer server;
    private static int searchPort;
    private static ServerPV temperature;
    private EpicsPvaConnector connector;

    @BeforeAll
    static void startServer() throws Exception {
        // The server listens for searches on a free UDP port of its own, so no other PVA server on this machine
        // answers and the test never broadcasts: the connector searches 127.0.0.1:<that port> only.
        try (DatagramSocket free = new DatagramSocket(0)) {
            searchPort = free.getLocalPort();
        }
        int defaultPort = PVASettings.EPICS_PVAS_BROADCAST_PORT;
        PVASettings.EPICS_PVAS_BROADCAST_PORT = searchPort;
        try {
            server = new PVAServer();
        } finally {
            PVASettings.EPICS_PVAS_BROADCAST_PORT = defaultPort;
        }
        server.createPV("DS:TEST:ring_current", PVAScalar.doubleScalarBuilder(399.5).name("DS:TEST:ring_current")
                .display(new PVADisplay(0, 500, "ring current", "mA", 2, PVADisplay.Form.DEFAULT))
                .alarm(new PVAAlarm()).timeStamp(new PVATimeStamp(STAMP)).build());
        temperature = server.createPV("DS:TEST:temperature", PVAScalar.doubleScalarBuilder(295.0)
                .name("DS:TEST:temperature")
                .display(new PVADisplay(80, 500, "sample temperature", "K", 1, PVADisplay.Form.DEFAULT))
                .alarm(new PVAAlarm()).timeStamp(new PVATimeStamp(STAMP)).build());
        // LOPR = HOPR = 0: no operating range configured
        server.createPV("DS:TEST:sample_x", PVAScalar.doubleScalarBuilder(1.5).name("DS:TEST:sample_x")
                .display(new PVADisplay(0, 0, "", "mm", 3, PVADisplay.Form.DEFAULT)).alarm(new PVAAlarm())
                .timeStamp(new PVATimeStamp(STAMP)).build());
        server.createPV("DS:TEST:counts", PVAScalar.intScalarBuilder(42).name("DS:TEST:counts")
                .timeStamp(new PVATimeStamp(STAMP)).build());
        server.createPV("DS:TEST:label", PVAScalar.stringScalarBuilder("mono").name("DS:TEST:label")
                .timeStamp(new PVATimeStamp(STAMP)).build());
        server.createPV("DS:TEST:broken", PVAScalar.doubleScalarBuilder(-1.0).name("DS:TEST:broken")
                .alarm(new PVAAlarm(PVAAlarm.AlarmSeverity.INVALID, PVAAlarm.AlarmStatus.DEVICE, "no answer"))
                .timeStamp(new PVATimeStamp(STAMP)).build());
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @AfterEach
    void closeConnector() {
        if (connector != null) {
            connector.close();
        }
    }

    @Test
    void variablesTakeUnitsAndLimitsFromTheDisplayMetadataUnlessOverridden() throws Exception {
        connector = connector("DS:TEST:ring_current;name=ring_current;group=beam", "DS:TEST:sample_x",
                "DS:TEST:counts;unit=1", "DS:TEST:temperature;unit=degC");

        List<ControlVariable> vars = connector.variables();

        assertEquals(List.of("ring_current", "ds_test_sample_x", "ds_test_counts", "ds_test_temperature"),
                vars.stream().map(ControlVariable::name).toList());
        ControlVariable current = vars.get(0);
        assertEquals("beam", current.group());
        assertEquals("DS:TEST:ring_current", current.device());
        assertEquals("value", current.attribute());
        assertEquals("mA", current.unit());
        assertEquals(0.0, current.minimum());
        assertEquals(500.0, current.maximum());
        ControlVariable x = vars.get(1);
        assertEquals("mm", x.unit());
        assertNull(x.minimum(), "limits 0..0 mean none");
        assertNull(x.maximum());
        assertEquals("1", vars.get(2).unit(), "override where the PV has no display");
        assertEquals("degC", vars.get(3).unit(), "override wins over the PV's K");
        assertEquals(80.0, vars.get(3).minimum());
    }

    @Test
    void nonNumericAndUnreachablePvsAreLeftOutOfTheVariables() throws Exception {
        connector = connector(Duration.ofMillis(1500), "DS:TEST:ring_current", "DS:TEST:label", "DS:TEST:nowhere");

        List<ControlVariable> vars = connector.variables();

        assertEquals(List.of("DS:TEST:ring_current"), vars.stream().map(ControlVariable::device).toList());
    }

    @Test
    void readGetsTheValuesWithTheServersTimeStamps() throws Exception {
        connector = connector("DS:TEST:ring_current", "DS:TEST:sample_x", "DS:TEST:counts");

        List<VariableReading> readings = connector.read(connector.variables());

        Map<String, Double> values = readings.stream()
                .collect(Collectors.toMap(r -> r.variable().device(), VariableReading::value));
        assertEquals(Map.of("DS:TEST:ring_current", 399.5, "DS:TEST:sample_x", 1.5, "DS:TEST:counts", 42.0), values);
        assertTrue(readings.stream().allMatch(r -> r.time().equals(STAMP)), "time from the PV's timeStamp");
    }

    @Test
    void readSeesTheCurrentValueOverTheKeptChannel() throws Exception {
        connector = connector("DS:TEST:temperature");
        List<ControlVariable> vars = connector.variables();
        assertEquals(295.0, connector.read(vars).get(0).value());

        Instant later = STAMP.plusSeconds(60);
        temperature.update(PVAScalar.doubleScalarBuilder(296.5).name("DS:TEST:temperature")
                .display(new PVADisplay(80, 500, "sample temperature", "K", 1, PVADisplay.Form.DEFAULT))
                .alarm(new PVAAlarm()).timeStamp(new PVATimeStamp(later)).build());

        VariableReading reading = connector.read(vars).get(0);
        assertEquals(296.5, reading.value());
        assertEquals(later, reading.time());
    }

    @Test
    void readingAPvNoServerHasNamesItAndTheTimeout() throws Exception {
        connector = connector(Duration.ofMillis(800), "DS:TEST:ring_current");
        ControlVariable nowhere = new ControlVariable("", "nowhere", "DS:TEST:nowhere", "value", "", null, null, 0);

        long start = System.nanoTime();
        ControlSystemException e = assertThrows(ControlSystemException.class, () -> connector.read(List.of(nowhere)));

        assertEquals("EPICS PV DS:TEST:nowhere: not connected (no PVA server answered the search) within 800 ms",
                e.getMessage());
        assertTrue((System.nanoTime() - start) / 1_000_000 < 5000);
    }

    @Test
    void readingAStringPvNamesItAsNotNumeric() throws Exception {
        connector = connector("DS:TEST:ring_current");
        ControlVariable label = new ControlVariable("", "label", "DS:TEST:label", "value", "", null, null, 0);

        ControlSystemException e = assertThrows(ControlSystemException.class, () -> connector.read(List.of(label)));

        assertEquals("EPICS PV DS:TEST:label is not numeric (string)", e.getMessage());
    }

    @Test
    void aValueInInvalidAlarmIsRefused() throws Exception {
        connector = connector("DS:TEST:broken");
        ControlVariable broken = new ControlVariable("", "broken", "DS:TEST:broken", "value", "", null, null, 0);

        ControlSystemException e = assertThrows(ControlSystemException.class, () -> connector.read(List.of(broken)));

        assertEquals("EPICS PV DS:TEST:broken is in INVALID alarm: its value -1.0 is not to be trusted",
                e.getMessage());
    }

    @Test
    void aPvIsNotFoundWhereTheAddressListDoesNotReachItsServer() throws Exception {
        int otherPort;
        try (DatagramSocket free = new DatagramSocket(0)) {
            otherPort = free.getLocalPort();
        }
        connector = new EpicsPvaConnector(new EpicsSettings(List.of(PvEntry.parse("DS:TEST:ring_current")),
                "127.0.0.1:" + otherPort, false, Duration.ofMillis(800), "epics-elsewhere", ""));

        assertEquals(List.of(), connector.variables());
        ControlSystemException e = assertThrows(ControlSystemException.class,
                () -> connector.read(List.of(new ControlVariable("", "ring_current", "DS:TEST:ring_current", "value",
                        "mA", null, null, 0))));
        assertTrue(e.getMessage().contains("not connected"), e.getMessage());
    }

    @Test
    void badPvEntriesAreRefusedNamingTheProblem() {
        assertEquals("EPICS PV entry 'SR:X;colour=red': unknown key 'colour' (known: name, group, unit)",
                assertThrows(IllegalArgumentException.class, () -> PvEntry.parse("SR:X;colour=red")).getMessage());
        assertEquals("EPICS PV SR:X: name must start with a letter and hold only letters, digits and '_', got"
                + " '1x'", assertThrows(IllegalArgumentException.class, () -> PvEntry.parse("SR:X;name=1x"))
                .getMessage());
        assertEquals("Two EPICS PVs are recorded as 'sr_x'; give one of them another name (SR-X;name=...)",
                assertThrows(IllegalArgumentException.class, () -> new EpicsSettings(List.of(PvEntry.parse("SR:X"),
                        PvEntry.parse("SR-X")), "", false, Duration.ofSeconds(1), "epics", "")).getMessage());
    }

    @Test
    void pvsWrittenCommaSeparatedInACfgFileAreSeveralEntries() {
        EpicsPvaConnector.Config config = new EpicsPvaConnector.Config() {
            public Class<? extends java.lang.annotation.Annotation> annotationType() {
                return EpicsPvaConnector.Config.class;
            }
            public String[] pvs() {
                return new String[] {"SR:DCCT:current;name=ring_current;group=beam, B311A:MONO:energy;unit=keV"};
            }
            public String addressList() {
                return " 10.1.31.255 ";
            }
            public boolean autoAddressList() {
                return false;
            }
            public double timeoutSeconds() {
                return 2;
            }
            public String capabilityId() {
                return "epics-b311a";
            }
            public String displayName() {
                return "EPICS B311A";
            }
        };

        EpicsSettings settings = EpicsSettings.from(config);

        assertEquals(List.of(new PvEntry("SR:DCCT:current", "ring_current", "beam", null),
                new PvEntry("B311A:MONO:energy", "b311a_mono_energy", "", "keV")), settings.pvs());
        assertEquals("10.1.31.255", settings.addressList());
    }

    private EpicsPvaConnector connector(String... pvs) throws Exception {
        return connector(Duration.ofSeconds(5), pvs);
    }

    /** Searches only the test server, by UDP unicast on loopback. */
    private static EpicsPvaConnector connector(Duration timeout, String... pvs) throws Exception {
        EpicsSettings settings = new EpicsSettings(List.of(pvs).stream().map(PvEntry::parse).toList(),
                "127.0.0.1:" + searchPort, false, timeout, "epics-test", "EPICS test IOC");
        return new EpicsPvaConnector(settings);
    }
}
