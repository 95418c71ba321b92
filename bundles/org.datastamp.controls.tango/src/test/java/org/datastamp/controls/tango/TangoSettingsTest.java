package org.datastamp.controls.tango;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

class TangoSettingsTest {

    private static final URI API = URI.create("http://tango-rest:8080/tango/rest/rc4/");

    @Test
    void deviceResourcesSitUnderTheTangoHost() {
        TangoSettings settings = settings("tango-cs:10000", List.of("b311a/*/*"));

        assertEquals(URI.create("http://tango-rest:8080/tango/rest/rc4/hosts/tango-cs/10000"), settings.hostUrl());
    }

    @Test
    void aPatternThatIsNotDomainFamilyMemberIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> settings("tango-cs:10000", List.of("b311a/*")));

        assertEquals("Tango device pattern must be domain/family/member (wildcards allowed, e.g. b311a/mot/*),"
                + " got 'b311a/*'", e.getMessage());
    }

    @Test
    void aTangoHostWithoutPortIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> settings("tango-cs", List.of("b311a/*/*")));

        assertEquals("Tango host must be host:port (the TANGO_HOST of the database), got 'tango-cs'", e.getMessage());
    }

    @Test
    void noPatternIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> settings("tango-cs:10000", List.of()));
    }

    @Test
    void variableNamesAreMetadataNamesAndStayUnique() {
        VariableNames names = new VariableNames();

        assertEquals("b311a_mot_sample_x_position", names.nameFor("b311a/mot/sample-x", "Position"));
        assertEquals("b311a_mot_sample_x_position_2", names.nameFor("b311a/mot/sample_x", "Position"));
        assertEquals("v_11b_ctl_dcm_energy", names.nameFor("11b/ctl/dcm", "Energy"));
    }

    @Test
    void aLimitThatIsNoNumberIsReportedNamingTheAttribute() throws Exception {
        var info = new ObjectMapper().readTree("{\"name\":\"Position\",\"data_format\":\"SCALAR\","
                + "\"data_type\":\"DevDouble\",\"unit\":\"mm\",\"min_value\":\"-25 mm\",\"max_value\":\"25\"}");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TangoAttributeInfo.parse("b311a/mot/x", info));

        assertEquals("Tango attribute b311a/mot/x/Position has min_value '-25 mm', which is not a number",
                e.getMessage());
    }

    @Test
    void unsetUnitAndLimitsAreNone() throws Exception {
        var info = new ObjectMapper().readTree("{\"name\":\"Current\",\"data_format\":\"SCALAR\","
                + "\"data_type\":\"DevDouble\",\"unit\":\"No unit\",\"min_value\":\"Not specified\","
                + "\"max_value\":\"Not specified\"}");

        TangoAttributeInfo parsed = TangoAttributeInfo.parse("sr/dcct/1", info);

        assertEquals("", parsed.unit());
        assertNull(parsed.minimum());
        assertNull(parsed.maximum());
        assertEquals(true, parsed.isNumericScalar());
    }

    @Test
    void devicesWrittenCommaSeparatedInACfgFileAreSeveralPatterns() {
        TangoRestConnector.Config config = new TangoRestConnector.Config() {
            public Class<? extends java.lang.annotation.Annotation> annotationType() {
                return TangoRestConnector.Config.class;
            }
            public String url() {
                return "http://tango-rest:8080/tango/rest/rc4";
            }
            public String tangoHost() {
                return "tango-cs:10000";
            }
            public String user() {
                return "";
            }
            public String password() {
                return "";
            }
            public String[] devices() {
                return new String[] {"b311a/mot/*, b311a/cryo/cryostream-01", "sr/dcct/1"};
            }
            public double timeoutSeconds() {
                return 2.5;
            }
            public String capabilityId() {
                return "tango-b311a";
            }
            public String displayName() {
                return "";
            }
        };

        TangoSettings settings = TangoSettings.from(config);

        assertEquals(List.of("b311a/mot/*", "b311a/cryo/cryostream-01", "sr/dcct/1"), settings.devicePatterns());
        assertEquals(Duration.ofMillis(2500), settings.timeout());
        assertEquals("tango-b311a", settings.displayName(), "the id stands in for an empty name");
    }

    private static TangoSettings settings(String tangoHost, List<String> patterns) {
        return new TangoSettings(API, tangoHost, "", "", patterns, Duration.ofSeconds(1), "tango", "Tango");
    }
}
