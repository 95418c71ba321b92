package org.datastamp.controls.epics;

import java.time.Instant;

import org.epics.pva.data.PVAData;
import org.epics.pva.data.PVANumber;
import org.epics.pva.data.PVAString;
import org.epics.pva.data.PVAStructure;

/**
 * Reads the normative-type (NTScalar) fields we record from a PV Access structure: value, timeStamp, alarm severity
 * and display units and limits.
 */
final class PvaFields {

    /** EPICS alarm severity INVALID: the value is not to be trusted (e.g. the hardware does not answer). */
    static final int SEVERITY_INVALID = 3;

    private PvaFields() {
    }

    /** The numeric value, or {@code null} if the PV's value is not a number (a string, an enum, an array). */
    static Double value(PVAStructure data) {
        return number(data, "value");
    }

    /** A short description of the value's type, for error messages. */
    static String valueType(PVAStructure data) {
        PVAData value = data.get("value");
        return value == null ? "no value field" : value.getType();
    }

    static Instant time(PVAStructure data, Instant fallback) {
        PVAStructure stamp = data.get("timeStamp");
        Double seconds = number(stamp, "secondsPastEpoch");
        Double nanos = number(stamp, "nanoseconds");
        if (seconds == null || seconds == 0) {
            return fallback; // a PV never processed has no time
        }
        return Instant.ofEpochSecond(seconds.longValue(), nanos == null ? 0 : nanos.longValue());
    }

    static int alarmSeverity(PVAStructure data) {
        Double severity = number(data.get("alarm"), "severity");
        return severity == null ? 0 : severity.intValue();
    }

    /** {@code display.units}, or {@code null} if the PV has none. */
    static String units(PVAStructure data) {
        PVAStructure display = data.get("display");
        PVAData units = display == null ? null : display.get("units");
        return units instanceof PVAString s && s.get() != null ? s.get().trim() : null;
    }

    /**
     * {@code display.limitLow} and {@code limitHigh}, or {@code null}: EPICS leaves both at 0 when the record sets no
     * operating range (LOPR = HOPR = 0), which means no limits, not a range of zero width.
     */
    static double[] limits(PVAStructure data) {
        PVAStructure display = data.get("display");
        Double low = number(display, "limitLow");
        Double high = number(display, "limitHigh");
        if (low == null || high == null || low.equals(high)) {
            return null;
        }
        return new double[] {low, high};
    }

    private static Double number(PVAStructure structure, String field) {
        if (structure == null) {
            return null;
        }
        return structure.get(field) instanceof PVANumber n ? n.getNumber().doubleValue() : null;
    }
}
