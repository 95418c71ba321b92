package org.datastamp.metadata.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.datastamp.controls.api.ControlVariable;
import org.datastamp.metadata.api.ConfiguredVariable;
import org.datastamp.metadata.api.InvalidConfigurationException;
import org.datastamp.metadata.api.MetadataConfiguration;
import org.junit.jupiter.api.Test;

class ConfigurationCsvTest {

    private final ConfigurationCsv csv = Configurations.csv();

    @Test
    void writesOneHumanReadableLinePerVariableAfterTheDefinitionAndHeader() {
        MetadataConfiguration config = new MetadataConfiguration("CoSAXS", "NXsas", List.of(
                Configurations.row("wavelength", "nm", 0.05, 0.3, 1),
                new ConfiguredVariable(new ControlVariable("sample environment", "sample_temperature",
                        "b311a/ctl/cryo-01", "Temperature", "K", null, 1.0e-4 * 3e6, 2), false)));

        assertEquals("""
                # DataSTaMP scientific metadata configuration of CoSAXS
                # definition: NXsas
                group,name,device,attribute,units,min,max,order,enabled
                beam,wavelength,b311a/ctl/wavelength,Value,nm,0.05,0.3,1,true
                sample environment,sample_temperature,b311a/ctl/cryo-01,Temperature,K,,300,2,false
                """, csv.write(config));
    }

    @Test
    void readsBackWhatItWrote() throws Exception {
        MetadataConfiguration config = Configurations.cosaxs(0.3);

        assertEquals(config, csv.read("CoSAXS", csv.write(config)));
    }

    @Test
    void readsAnEmptyConfigurationWithItsDefinition() throws Exception {
        MetadataConfiguration empty = new MetadataConfiguration("BioMAX", "NXmx", List.of());

        assertEquals(empty, csv.read("BioMAX", csv.write(empty)));
    }

    @Test
    void everyBadFieldIsReportedWithFileLineAndField() {
        String text = """
                # definition: NXsas
                group,name,device,attribute,units,min,max,order,enabled
                beam,wavelength,b311a/mono,Wavelength,nm,0.05,0.3,1,true
                beam,2theta,b311a/det,Angle,deg,,,2,true
                beam,energy,b311a/mono,Energy,kelvinz,,,3,true
                beam,distance,b311a/det,Distance,mm,5000,100,4,yes
                beam,wavelength,b311a/mono,Wavelength2,nm,abc,,x,true
                """;

        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> csv.read("CoSAXS", text));

        String message = e.getMessage();
        assertTrue(message.contains("CoSAXS.csv line 4, field 'name': '2theta' is not a metadata name"), message);
        assertTrue(message.contains("CoSAXS.csv line 5, field 'units': "), message);
        assertTrue(message.contains("kelvinz"), message);
        assertTrue(message.contains("CoSAXS.csv line 6, field 'max': maximum 100 is below minimum 5000"), message);
        assertTrue(message.contains("CoSAXS.csv line 6, field 'enabled': 'yes' is neither true nor false"), message);
        assertTrue(message.contains("CoSAXS.csv line 7, field 'min': 'abc' is not a number"), message);
        assertTrue(message.contains("CoSAXS.csv line 7, field 'order': 'x' is not a whole number"), message);
        assertTrue(message.contains("CoSAXS.csv line 7, field 'name': 'wavelength' is already configured on line 3"),
                message);
        assertEquals(7, message.lines().count(), message);
    }

    @Test
    void aDuplicateNameNamesBothLines() {
        String text = """
                group,name,device,attribute,units,min,max,order,enabled
                beam,wavelength,b311a/mono,Wavelength,nm,,,1,true
                beam,wavelength,b311a/mono,Wavelength2,nm,,,2,true
                """;

        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> csv.read("CoSAXS", text));

        assertEquals("CoSAXS.csv line 3, field 'name': 'wavelength' is already configured on line 2", e.getMessage());
    }

    @Test
    void unknownAndMissingColumnsAreNamed() {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> csv.read("CoSAXS", "group,name,dev,attribute\nbeam,wavelength,x,y\n"));

        assertTrue(e.getMessage().contains("CoSAXS.csv header: unknown column 'dev'"), e.getMessage());
        assertTrue(e.getMessage().contains("CoSAXS.csv header: column 'device' is missing"), e.getMessage());
    }

    @Test
    void savingAnUnknownUnitIsRefusedNamingTheVariable() {
        MetadataConfiguration config = new MetadataConfiguration("CoSAXS", "", List.of(
                Configurations.row("sample_temperature", "degK", null, null, 1)));

        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class, () -> csv.check(config));

        assertTrue(e.getMessage().startsWith("Metadata configuration of CoSAXS, variable 'sample_temperature', field"
                + " 'units': "), e.getMessage());
    }
}
