package org.datastamp.portal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * OAI-PMH datestamps: the repository's granularity is seconds ({@code YYYY-MM-DDThh:mm:ssZ}); harvesters may also
 * send days ({@code YYYY-MM-DD}), an {@code until} day meaning up to that day's end.
 */
final class OaiDates {

    private OaiDates() {
    }

    static String format(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** A from/until argument; {@code endOfDay} for until. */
    static Instant parse(String name, String value, boolean endOfDay) throws OaiError {
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
                return endOfDay ? start.plusSeconds(86_399) : start;
            }
            if (value.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z")) {
                return Instant.parse(value);
            }
        } catch (DateTimeParseException e) {
            // reported below with the expected forms
        }
        throw OaiError.badArgument("'" + name + "' must be YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ, got '" + value + "'");
    }
}
