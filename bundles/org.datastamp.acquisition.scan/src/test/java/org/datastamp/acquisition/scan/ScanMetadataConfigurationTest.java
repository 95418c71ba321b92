package org.datastamp.acquisition.scan;

import static org.datastamp.acquisition.scan.ScanTesting.awaitEnd;
import static org.datastamp.acquisition.scan.ScanTesting.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.datastamp.acquisition.api.ScanRequest;
import org.datastamp.acquisition.api.ScanState;
import org.datastamp.acquisition.api.ScanStatus;
import org.datastamp.catalog.api.MetadataEntry;
import org.datastamp.controls.api.ControlVariable;
import org.datastamp.metadata.api.ConfiguredVariable;
import org.datastamp.metadata.api.MetadataConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Metadata recorded from the beamline's configuration, at start and end, with limits and schema checks. */
class ScanMetadataConfigurationTest {

    // What the connectors offer, under their own names and units.
    private static final ControlVariable CRYO = new ControlVariable("", "cryo_temp", "sim/cryo/cryostream-01",
            "Temperature", "K", null, null, 1);
    private static final ControlVariable SAMPLE_X = new ControlVariable("", "sx", "sim/mot/sample-x", "Position", "mm",
            null, null, 2);
    private static final ControlVariable SAMPLE_Y = new ControlVariable("", "sy", "sim/mot/sample-y", "Position", "mm",
            null, null, 3);
    private static final ControlVariable DCCT = new ControlVariable("", "dcct", "sim/ring/dcct-01", "Current", "mA",
            null, null, 1);

    // The beamline's rows: its names, units, limits and order.
    private static final ControlVariable TEMPERATURE = new ControlVariable("sample", "temperature",
            "sim/cryo/cryostream-01", "Temperature", "K", 80.0, 500.0, 2);
    private static final ControlVariable X = new ControlVariable("stage", "x_position", "sim/mot/sample-x", "Position",
            "mm", -25.0, 25.0, 1);
    private static final ControlVariable Y = new ControlVariable("stage", "y_position", "sim/mot/sample-y", "Position",
            "mm", -25.0, 25.0, 4);
    private static final ControlVariable RING = new ControlVariable("ring", "ring_current", "sim/ring/dcct-01",
            "Current", "mA", null, null, 3);

    @TempDir
    Path dataDir;

    private final Fakes.Resources resources = new Fakes.Resources();
    private final PipelineFakes.FakeWriter writer = new PipelineFakes.FakeWriter();
    // Call 0 is the start reading, call 1 the end reading: the temperature leaves its limits by the end.
    private final PipelineFakes.ScriptedControls stage = new PipelineFakes.ScriptedControls("cryo-and-stage",
            List.of(CRYO, SAMPLE_X, SAMPLE_Y), new double[] {295.0, 1.5, 0.5}, new double[] {501.0, 2.5, 0.5});
    private final PipelineFakes.ScriptedControls ring = new PipelineFakes.ScriptedControls("ring", List.of(DCCT),
            new double[] {400.0}, new double[] {399.0});
    private ScanQueue queue;

    @BeforeEach
    void wire() {
        resources.with(new PipelineFakes.ScriptedDetector());
        resources.writer = writer;
        resources.controls.add(stage);
        resources.controls.add(ring);
    }

    private void configure(String definition, ControlVariable... extraRows) {
        List<ConfiguredVariable> rows = new java.util.ArrayList<>(List.of(new ConfiguredVariable(TEMPERATURE, true),
                new ConfiguredVariable(X, true), new ConfiguredVariable(Y, false), new ConfiguredVariable(RING, true)));
        for (ControlVariable v : extraRows) {
            rows.add(new ConfiguredVariable(v, true));
        }
        resources.configurations = new PipelineFakes.FakeConfigurations(new MetadataConfiguration("SimBeamline",
                definition, rows));
    }

    private ScanStatus scan() throws Exception {
        queue = new ScanQueue(settings(dataDir, 0), resources, Clock.systemUTC());
        return awaitEnd(queue, queue.start(new ScanRequest("scripted", 3, "configured", "")).id(),
                Duration.ofSeconds(30));
    }

    @AfterEach
    void stop() {
        if (queue != null) {
            queue.shutdown(10, TimeUnit.SECONDS);
        }
    }

    private List<MetadataEntry> recorded() {
        return resources.memoryCatalog().datasets.get(0).content().metadata();
    }

    private Object value(String name) {
        return recorded().stream().filter(e -> e.name().equals(name)).map(MetadataEntry::value).findFirst()
                .orElse(null);
    }

    @Test
    void theConfiguredVariablesAreReadAtStartAndEndUnderTheirNamesUnitsAndOrder() throws Exception {
        configure("");

        ScanStatus done = scan();

        assertEquals(ScanState.COMPLETED, done.state(), done.error().orElse(""));
        List<MetadataEntry> controls = recorded().subList(7, recorded().size());
        assertEquals(List.of(
                new MetadataEntry("x_position", 1.5, "mm"),
                new MetadataEntry("temperature", 295.0, "K"),
                new MetadataEntry("ring_current", 400.0, "mA"),
                new MetadataEntry("x_position_end", 2.5, "mm"),
                new MetadataEntry("temperature_end", 501.0, "K"),
                new MetadataEntry("ring_current_end", 399.0, "mA"),
                new MetadataEntry("metadata_violations",
                        List.of("temperature_end = 501.0 K is above its maximum 500.0 K"), "")), controls);
        assertEquals(List.of(List.of("x_position", "temperature"), List.of("x_position", "temperature")),
                stage.requests, "each connector is asked only for its own enabled rows");
        assertEquals(List.of(List.of("ring_current"), List.of("ring_current")), ring.requests);
        PipelineFakes.FakeFile file = writer.file();
        assertEquals(List.of(new MetadataEntry("x_position", 1.5, "mm"), new MetadataEntry("temperature", 295.0, "K"),
                new MetadataEntry("ring_current", 400.0, "mA")), file.layout.startMetadata());
        assertEquals(List.of(new MetadataEntry("x_position", 2.5, "mm"), new MetadataEntry("temperature", 501.0, "K"),
                new MetadataEntry("ring_current", 399.0, "mA"), new MetadataEntry("frames_dropped", 0L, "")),
                file.endMetadata);
    }

    @Test
    void aReadingOutsideItsLimitsAtStartIsRecordedAndFlagged() throws Exception {
        configure("");
        PipelineFakes.ScriptedControls hot = new PipelineFakes.ScriptedControls("cryo-and-stage",
                List.of(CRYO, SAMPLE_X, SAMPLE_Y), new double[] {612.5, -30.0, 0});
        resources.controls.set(0, hot);

        ScanStatus done = scan();

        assertEquals(ScanState.COMPLETED, done.state());
        assertEquals(612.5, value("temperature"));
        assertEquals(-30.0, value("x_position"));
        assertEquals(List.of("x_position = -30.0 mm is below its minimum -25.0 mm",
                "temperature = 612.5 K is above its maximum 500.0 K",
                "x_position_end = -30.0 mm is below its minimum -25.0 mm",
                "temperature_end = 612.5 K is above its maximum 500.0 K"), value("metadata_violations"));
    }

    @Test
    void aFailedReadingAtTheEndIsAViolationAndTheScanStillCompletes() throws Exception {
        configure("");
        ring.failAtCall = 1;

        ScanStatus done = scan();

        assertEquals(ScanState.COMPLETED, done.state(), done.error().orElse(""));
        assertEquals(3L, value("frame_count"));
        assertEquals(null, value("ring_current_end"));
        assertEquals(List.of("temperature_end = 501.0 K is above its maximum 500.0 K",
                "Could not read control system 'ring' at scan end: ring: connection refused"),
                value("metadata_violations"));
    }

    @Test
    void aVariableNoControlSystemOffersFailsTheScanBeforeTheDetectorRuns() throws Exception {
        configure("", new ControlVariable("beam", "wavelength", "sim/mono/dcm", "Wavelength", "Angstrom", null, null,
                5));

        ScanStatus failed = scan();

        assertEquals(Optional.of("Could not read 'wavelength' (sim/mono/dcm/Wavelength) before acquiring: no control"
                + " system offers it (connected: cryo-and-stage, ring)"), failed.error());
        assertTrue(writer.created.isEmpty(), "no file was created");
    }

    @Test
    void noConfigurationServiceOrAnEmptyConfigurationReadsEverythingAsBefore() throws Exception {
        resources.controls.clear();
        resources.controls.add(new Fakes.Controls());
        resources.configurations = new PipelineFakes.FakeConfigurations(MetadataConfiguration.empty("SimBeamline"));

        ScanStatus done = scan();

        assertEquals(ScanState.COMPLETED, done.state(), done.error().orElse(""));
        assertEquals(List.of(new MetadataEntry("sample_temperature", 295.125, "K"),
                new MetadataEntry("sample_x", 1.5, "mm")), recorded().subList(7, recorded().size()));
    }

    @Test
    void schemaViolationsAreRecordedOnTheDataset() throws Exception {
        configure("NXsas");
        PipelineFakes.RequiresWavelength schema = new PipelineFakes.RequiresWavelength();
        resources.schemas.add(schema);

        scan();

        assertEquals("NXsas", value("schema_definition"));
        assertEquals(false, value("schema_valid"));
        assertEquals(List.of("wavelength: NXsas requires the incident wavelength"), value("schema_violations"));
        assertTrue(schema.seen.get(0).contains(new MetadataEntry("temperature", 295.0, "K")),
                "the schema checked the recorded metadata");
    }

    @Test
    void metadataThatSatisfiesTheSchemaIsMarkedValid() throws Exception {
        configure("NXsas", new ControlVariable("beam", "wavelength", "sim/cryo/cryostream-01", "Temperature", "", null,
                null, 9));
        resources.schemas.add(new PipelineFakes.RequiresWavelength());

        scan();

        assertEquals(true, value("schema_valid"));
        assertEquals(null, value("schema_violations"));
    }

    @Test
    void aDefinitionWithoutASchemaPluginIsItselfAViolation() throws Exception {
        configure("NXsas");

        scan();

        assertEquals(false, value("schema_valid"));
        assertEquals(List.of("No schema plugin for NXsas is installed; the metadata was not checked"),
                value("schema_violations"));
    }
}
