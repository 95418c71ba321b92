package org.datastamp.storage.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.datastamp.catalog.api.CopyFormat;
import org.junit.jupiter.api.Test;

class PolicyParserTest {

    private static Map<String, Object> file(String name, String... keyValues) {
        Map<String, Object> p = new HashMap<>();
        p.put("service.pid", "org.datastamp.storage.lifecycle.policy~" + name);
        p.put("felix.fileinstall.filename", "file:/opt/datastamp/etc/org.datastamp.storage.lifecycle.policy-" + name
                + ".cfg");
        for (int i = 0; i < keyValues.length; i += 2) {
            p.put(keyValues[i], keyValues[i + 1]);
        }
        return p;
    }

    private static String refused(Map<String, Object> p) {
        return assertThrows(InvalidPolicyException.class, () -> PolicyParser.parse(p)).getMessage();
    }

    @Test
    void aFullPolicyIsReadFromItsFileWithTheNameFromTheFileName() throws Exception {
        Policy p = PolicyParser.parse(file("cosaxs", "scope", "instrument:CoSAXS", "moveTo", "tape-sim",
                "moveAfterDaysWithoutAccess", "30", "moveWhenHotAbovePercent", "85", "keepCopyOn", "s3, tape2",
                "minVerifiedCopies", "2"));

        assertEquals("cosaxs", p.name());
        assertEquals(new Scope(Scope.Kind.INSTRUMENT, "CoSAXS"), p.scope());
        assertEquals("hot-disk", p.hotTier());
        assertEquals(List.of("s3", "tape2"), p.keepCopyOn());
        assertEquals(30, p.moveAfterDays());
        assertEquals(85.0, p.moveAbovePercent());
        assertEquals(CopyFormat.OCFL, p.packageFormat());
        assertEquals("instrument:CoSAXS: ingest on hot-disk; after 30 days without access or when hot-disk is above"
                + " 85 % full move to tape-sim; copy to s3, tape2 from ingest; 2 verified copies on distinct media;"
                + " archive copies as OCFL objects", p.summary());
    }

    @Test
    void aMisspelledKeyIsRefusedAndTheKnownKeysAreListed() {
        String message = refused(file("cold", "moveAfterDays", "30", "moveTo", "tape"));
        assertTrue(message.startsWith("Lifecycle policy 'cold' (etc/org.datastamp.storage.lifecycle.policy-cold.cfg):"
                + " unknown key 'moveAfterDays'"), message);
        assertTrue(message.contains("moveAfterDaysWithoutAccess"), message);
    }

    @Test
    void aScopeMustBeAllAnInstrumentOrAProposal() {
        assertTrue(refused(file("x", "scope", "beamline:CoSAXS", "minVerifiedCopies", "1"))
                .contains("scope 'beamline:CoSAXS' is not 'all', 'instrument:<id>' or 'proposal:<id>'"));
        assertTrue(refused(file("x", "scope", "instrument:", "minVerifiedCopies", "1")).contains("scope"));
    }

    @Test
    void tooFewTiersForTheRequiredCopiesAreRefusedBeforeAndAfterTheMove() {
        assertTrue(refused(file("x", "moveTo", "tape", "moveAfterDaysWithoutAccess", "30"))
                .contains("minVerifiedCopies = 2 but from ingest only 1 backend (hot-disk) hold a copy; add backends"
                        + " to keepCopyOn"));
        assertTrue(refused(file("x", "keepCopyOn", "tape", "minVerifiedCopies", "3"))
                .contains("minVerifiedCopies = 3 but from ingest only 2 backends hold a copy"));
    }

    @Test
    void aMoveNeedsATargetAndARule() {
        assertTrue(refused(file("x", "moveAfterDaysWithoutAccess", "30", "keepCopyOn", "s3"))
                .contains("moveAfterDaysWithoutAccess is set but moveTo names no backend"));
        assertTrue(refused(file("x", "moveTo", "tape", "keepCopyOn", "s3"))
                .contains("moveTo = tape needs a rule"));
        assertTrue(refused(file("x", "moveTo", "hot-disk", "moveAfterDaysWithoutAccess", "3", "keepCopyOn", "s3"))
                .contains("is the hot tier hot-disk itself"));
    }

    @Test
    void numbersOutOfRangeOrNotNumbersAreRefusedByKey() {
        assertTrue(refused(file("x", "moveTo", "tape", "moveWhenHotAbovePercent", "120", "keepCopyOn", "s3"))
                .contains("moveWhenHotAbovePercent is 120.0; use a percentage between 1 and 99"));
        assertTrue(refused(file("x", "minVerifiedCopies", "two")).contains("minVerifiedCopies 'two' is not a whole"
                + " number"));
        assertTrue(refused(file("x", "minVerifiedCopies", "1", "packageFormat", "zip"))
                .contains("packageFormat 'zip' is not 'ocfl'"));
        assertTrue(refused(file("x", "minVerifiedCopies", "1", "distinctMedia", "yes"))
                .contains("distinctMedia 'yes' is not true or false"));
    }

    @Test
    void anExtraCopyOnTheHotTierOrTheMoveTargetIsRefused() {
        assertTrue(refused(file("x", "moveTo", "tape", "moveAfterDaysWithoutAccess", "3", "keepCopyOn", "tape,s3"))
                .contains("keepCopyOn [tape, s3] repeats moveTo tape"));
    }
}
