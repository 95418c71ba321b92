package org.datastamp.controls.tango;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.datastamp.controls.api.ControlSystemException;
import org.datastamp.controls.api.ControlVariable;
import org.datastamp.controls.api.VariableReading;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TangoRestConnectorTest {

    private FakeTangoRestServer tango;

    @BeforeEach
    void startTango() throws IOException {
        tango = new FakeTangoRestServer();
        tango.device("b311a/mot/sample-x")
                .attribute("Position", "DevDouble", "mm", "-25", "25", 1.5)
                .attribute("Velocity", "DevFloat", "mm/s", "Not specified", "Not specified", 0.5)
                .attribute("State", "DevState", "No unit", "Not specified", "Not specified", "ON")
                .attribute("Label", "DevString", "No unit", "Not specified", "Not specified", "sample x")
                .spectrum("History", "DevDouble");
        tango.device("b311a/cryo/cryostream-01")
                .attribute("Temperature", "DevDouble", "K", "80", "500", 100.25)
                .attribute("Counts", "DevLong", "No unit", "0", "Not specified", 42);
        tango.device("b311a/mot/sample-y").attribute("Position", "DevDouble", "mm", "-25", "25", -2.0);
        tango.device("b312/mot/sample-x").attribute("Position", "DevDouble", "mm", "-25", "25", 9.0);
    }

    @AfterEach
    void stopTango() {
        tango.close();
    }

    @Test
    void variablesAreTheNumericScalarAttributesOfTheMatchingDevicesWithUnitsAndLimits() {
        List<ControlVariable> vars = connector(FakeTangoRestServer.PASSWORD, "b311a/*/*").variables();

        assertEquals(List.of("b311a/mot/sample-x/Position", "b311a/mot/sample-x/Velocity",
                "b311a/cryo/cryostream-01/Temperature", "b311a/cryo/cryostream-01/Counts",
                "b311a/mot/sample-y/Position"), vars.stream().map(v -> v.device() + "/" + v.attribute()).toList());
        ControlVariable x = vars.get(0);
        assertEquals("b311a_mot_sample_x_position", x.name());
        assertEquals("b311a/mot/sample-x", x.group());
        assertEquals("mm", x.unit());
        assertEquals(-25.0, x.minimum());
        assertEquals(25.0, x.maximum());
        ControlVariable velocity = vars.get(1);
        assertNull(velocity.minimum(), "'Not specified' is no limit");
        assertNull(velocity.maximum());
        ControlVariable counts = vars.get(3);
        assertEquals("", counts.unit(), "'No unit' is dimensionless");
        assertEquals(0.0, counts.minimum());
        assertNull(counts.maximum());
        for (int i = 0; i < vars.size(); i++) {
            assertEquals(i, vars.get(i).order());
        }
    }

    @Test
    void aStoppedDeviceIsLeftOutOfTheVariablesAndTheOthersAreStillOffered() {
        tango.device("b311a/mot/sample-y").exported = false;

        List<ControlVariable> vars = connector(FakeTangoRestServer.PASSWORD, "b311a/*/*").variables();

        assertEquals(4, vars.size());
        assertTrue(vars.stream().noneMatch(v -> v.device().equals("b311a/mot/sample-y")));
    }

    @Test
    void overlappingPatternsOfferEachDeviceOnce() {
        List<ControlVariable> vars = connector(FakeTangoRestServer.PASSWORD, "b311a/mot/sample-x", "b312/*/*",
                "b311a/*/sample-x").variables();

        assertEquals(List.of("b311a/mot/sample-x", "b311a/mot/sample-x", "b312/mot/sample-x"),
                vars.stream().map(ControlVariable::device).toList());
        assertEquals(3, tango.requestCount("devices"));
    }

    @Test
    void readAsksEachDeviceOnceForAllItsWantedAttributes() throws Exception {
        TangoRestConnector connector = connector(FakeTangoRestServer.PASSWORD, "b311a/*/*");
        List<ControlVariable> vars = connector.variables();
        int before = tango.requestCount("value");

        List<VariableReading> readings = connector.read(vars);

        assertEquals(3, tango.requestCount("value") - before, "one request per device");
        Map<String, Double> values = readings.stream()
                .collect(Collectors.toMap(r -> r.variable().name(), VariableReading::value));
        assertEquals(Map.of("b311a_mot_sample_x_position", 1.5, "b311a_mot_sample_x_velocity", 0.5,
                "b311a_cryo_cryostream_01_temperature", 100.25, "b311a_cryo_cryostream_01_counts", 42.0,
                "b311a_mot_sample_y_position", -2.0), values);
        assertTrue(readings.stream().allMatch(r -> r.time().equals(Instant.ofEpochMilli(tango.timestamp))),
                "the time is Tango's read time");
        assertEquals(vars, readings.stream().map(VariableReading::variable).toList(), "in the order asked");
    }

    @Test
    void readingsComeInTheOrderAskedThoughDevicesAreAskedTogether() throws Exception {
        TangoRestConnector connector = connector(FakeTangoRestServer.PASSWORD, "b311a/*/*");
        List<ControlVariable> wanted = List.of(variable("b311a/mot/sample-x", "Velocity"),
                variable("b311a/cryo/cryostream-01", "Temperature"), variable("b311a/mot/sample-x", "Position"));

        List<VariableReading> readings = connector.read(wanted);

        assertEquals(wanted, readings.stream().map(VariableReading::variable).toList());
        assertEquals(List.of(0.5, 100.25, 1.5), readings.stream().map(VariableReading::value).toList());
        assertEquals(2, tango.requestCount("value"));
    }

    @Test
    void readReadsOnlyTheWantedVariables() throws Exception {
        TangoRestConnector connector = connector(FakeTangoRestServer.PASSWORD, "b311a/*/*");
        ControlVariable temperature = variable("b311a/cryo/cryostream-01", "Temperature");

        List<VariableReading> readings = connector.read(List.of(temperature));

        assertEquals(1, readings.size());
        assertEquals(100.25, readings.get(0).value());
        assertEquals(1, tango.requestCount("value"));
        assertEquals(0, tango.requestCount("devices"), "reading needs no listing");
    }

    @Test
    void readingAStoppedDeviceNamesTheDeviceAndTangosReason() {
        tango.device("b311a/mot/sample-y").exported = false;
        TangoRestConnector connector = connector(FakeTangoRestServer.PASSWORD, "b311a/*/*");

        ControlSystemException e = assertThrows(ControlSystemException.class, () -> connector.read(List.of(
                variable("b311a/mot/sample-x", "Position"), variable("b311a/mot/sample-y", "Position"))));

        assertTrue(e.getMessage().startsWith("Tango device b311a/mot/sample-y (reading Position): "
                + "API_DeviceNotExported: Device b311a/mot/sample-y is not exported"), e.getMessage());
        assertTrue(e.getMessage().contains("HTTP 502"), e.getMessage());
    }

    @Test
    void readingANonNumericAttributeNamesIt() {
        TangoRestConnector connector = connector(FakeTangoRestServer.PASSWORD, "b311a/*/*");

        ControlSystemException e = assertThrows(ControlSystemException.class,
                () -> connector.read(List.of(variable("b311a/mot/sample-x", "State"))));

        assertEquals("Tango attribute b311a/mot/sample-x/State is not numeric: value \"ON\", quality ATTR_VALID",
                e.getMessage());
    }

    @Test
    void readingAnAttributeTheDeviceLacksNamesItWithTangosReason() {
        TangoRestConnector connector = connector(FakeTangoRestServer.PASSWORD, "b311a/*/*");

        ControlSystemException e = assertThrows(ControlSystemException.class, () -> connector.read(List.of(
                variable("b311a/mot/sample-x", "Position"), variable("b311a/mot/sample-x", "Acceleration"))));

        assertEquals("Tango attribute b311a/mot/sample-x/Acceleration: API_AttrNotFound: Acceleration attribute not"
                + " found for device b311a/mot/sample-x", e.getMessage());
    }

    @Test
    void readingAnUnknownDeviceSaysItIsNotFound() {
        TangoRestConnector connector = connector(FakeTangoRestServer.PASSWORD, "b311a/*/*");

        ControlSystemException e = assertThrows(ControlSystemException.class,
                () -> connector.read(List.of(variable("b311a/mot/gone", "Position"))));

        assertTrue(e.getMessage().contains("b311a/mot/gone (reading Position): not found: DB_DeviceNotDefined"),
                e.getMessage());
    }

    @Test
    void aDeviceSlowerThanTheTimeoutFailsNamingItWhileTheOthersAreAwaited() {
        tango.device("b311a/cryo/cryostream-01").answerDelayMs = 1500;
        TangoRestConnector connector = connector(FakeTangoRestServer.PASSWORD, Duration.ofMillis(300), "b311a/*/*");

        long start = System.nanoTime();
        ControlSystemException e = assertThrows(ControlSystemException.class, () -> connector.read(List.of(
                variable("b311a/mot/sample-x", "Position"), variable("b311a/cryo/cryostream-01", "Temperature"))));
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;

        assertEquals("Tango device b311a/cryo/cryostream-01 (reading Temperature): no answer from the Tango REST API"
                + " within 300 ms", e.getMessage());
        assertTrue(elapsedMs < 1400, "gave up after the timeout, not after the device answered: " + elapsedMs);
    }

    @Test
    void aWrongPasswordIsReportedNamingTheUser() {
        TangoRestConnector connector = connector("wrong", "b311a/*/*");

        IllegalStateException listing = assertThrows(IllegalStateException.class, connector::variables);
        ControlSystemException reading = assertThrows(ControlSystemException.class,
                () -> connector.read(List.of(variable("b311a/mot/sample-x", "Position"))));

        assertTrue(listing.getMessage().contains("refused user 'datastamp' (HTTP 401)"), listing.getMessage());
        assertTrue(reading.getMessage().contains("refused user 'datastamp' (HTTP 401)"), reading.getMessage());
    }

    @Test
    void anUnreachableApiIsReportedWithItsAddress() throws IOException {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0)) {
            freePort = socket.getLocalPort();
        }
        TangoSettings settings = new TangoSettings(URI.create("http://127.0.0.1:" + freePort + "/tango/rest/rc4"),
                "tango-cs:10000", "", "", List.of("b311a/*/*"), Duration.ofSeconds(2), "tango", "Tango");
        TangoRestConnector connector = new TangoRestConnector(settings, HttpClient.newHttpClient());

        ControlSystemException e = assertThrows(ControlSystemException.class,
                () -> connector.read(List.of(variable("b311a/mot/sample-x", "Position"))));

        assertTrue(e.getMessage().contains("cannot connect to the Tango REST API at 127.0.0.1:" + freePort),
                e.getMessage());
    }

    @Test
    void readAllReadsEveryOfferedVariable() throws Exception {
        List<VariableReading> readings = connector(FakeTangoRestServer.PASSWORD, "b311a/cryo/*").readAll();

        assertEquals(List.of(100.25, 42.0), readings.stream().map(VariableReading::value).toList());
    }

    private static ControlVariable variable(String device, String attribute) {
        return new ControlVariable("", new VariableNames().nameFor(device, attribute), device, attribute, "", null,
                null, 0);
    }

    private TangoRestConnector connector(String password, String... patterns) {
        return connector(password, Duration.ofSeconds(5), patterns);
    }

    private TangoRestConnector connector(String password, Duration timeout, String... patterns) {
        TangoSettings settings = new TangoSettings(tango.apiUrl(), "tango-cs:10000", FakeTangoRestServer.USER,
                password, List.of(patterns), timeout, "tango-b311a", "Tango B311A");
        return new TangoRestConnector(settings, HttpClient.newBuilder().connectTimeout(timeout).build());
    }
}
