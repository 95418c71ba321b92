package org.datastamp.portal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * The state of an incomplete list, handed to the harvester and back: the request's arguments and how far it got.
 * Stateless on the server (nothing expires), and records are listed oldest change first, so records registered
 * while a harvest runs appear at the end of the list rather than shifting its pages.
 *
 * @param metadataPrefix the format asked for
 * @param from           lower bound of the datestamps, null if none
 * @param until          upper bound, null if none
 * @param offset         records already sent (of those in the set)
 * @param set            the setSpec asked for, null if none
 */
record ResumptionToken(String metadataPrefix, Instant from, Instant until, int offset, String set) {

    String encode() {
        String text = metadataPrefix + "|" + (from == null ? "" : from) + "|" + (until == null ? "" : until) + "|"
                + offset + (set == null ? "" : "|" + set);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static ResumptionToken decode(String token) throws OaiError {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\\|", -1);
            // four parts: a token issued before sets existed, still honoured during a harvest across an upgrade
            boolean withSet = parts.length == 5 && OaiSets.SET_SPEC.matcher(parts[4]).matches();
            if (parts.length == 4 || withSet) {
                int offset = Integer.parseInt(parts[3]);
                if (offset > 0) {
                    return new ResumptionToken(parts[0], parts[1].isEmpty() ? null : Instant.parse(parts[1]),
                            parts[2].isEmpty() ? null : Instant.parse(parts[2]), offset, withSet ? parts[4] : null);
                }
            }
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            // not one of ours: reported below
        }
        throw new OaiError("badResumptionToken", "The resumption token '" + token + "' is not one this repository"
                + " issued");
    }
}
