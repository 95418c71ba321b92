package org.datastamp.storage.lifecycle;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.datastamp.catalog.api.CopyFormat;

/**
 * Reads a policy from its configuration properties (factory PID {@value #FACTORY_PID}, one
 * {@code etc/org.datastamp.storage.lifecycle.policy-NAME.cfg} per policy) and refuses anything it cannot honour:
 * unknown keys (a typo would silently keep data on the wrong tier), numbers out of range, and rule sets that cannot
 * keep {@code minVerifiedCopies} copies before and after a move.
 */
final class PolicyParser {

    static final String FACTORY_PID = "org.datastamp.storage.lifecycle.policy";

    static final String NAME = "name";
    static final String SCOPE = "scope";
    static final String HOT_TIER = "hotTier";
    static final String MOVE_TO = "moveTo";
    static final String MOVE_AFTER_DAYS = "moveAfterDaysWithoutAccess";
    static final String MOVE_ABOVE_PERCENT = "moveWhenHotAbovePercent";
    static final String KEEP_COPY_ON = "keepCopyOn";
    static final String MIN_COPIES = "minVerifiedCopies";
    static final String DISTINCT_MEDIA = "distinctMedia";
    static final String PACKAGE_FORMAT = "packageFormat";

    static final Set<String> KEYS = Set.of(NAME, SCOPE, HOT_TIER, MOVE_TO, MOVE_AFTER_DAYS, MOVE_ABOVE_PERCENT,
            KEEP_COPY_ON, MIN_COPIES, DISTINCT_MEDIA, PACKAGE_FORMAT);

    private PolicyParser() {
    }

    /** The policy's name: the {@code name} key, else the file name's part after {@code policy-}, else the PID. */
    static String nameOf(Map<String, ?> properties) {
        Object name = properties.get(NAME);
        if (name != null && !name.toString().isBlank()) {
            return name.toString().trim();
        }
        Object file = properties.get("felix.fileinstall.filename");
        if (file != null) {
            String f = file.toString();
            f = f.substring(f.lastIndexOf('/') + 1);
            int dash = f.indexOf(FACTORY_PID + "-");
            if (dash >= 0) {
                String rest = f.substring(dash + FACTORY_PID.length() + 1);
                return rest.endsWith(".cfg") ? rest.substring(0, rest.length() - 4) : rest;
            }
        }
        Object pid = properties.get("service.pid");
        return pid == null ? "unnamed" : pid.toString();
    }

    static Policy parse(Map<String, ?> properties) throws InvalidPolicyException {
        String name = nameOf(properties);
        String where = "Lifecycle policy '" + name + "' (etc/" + FACTORY_PID + "-" + name + ".cfg)";
        for (String key : properties.keySet()) {
            if (!KEYS.contains(key) && !isFrameworkKey(key)) {
                throw new InvalidPolicyException(where + ": unknown key '" + key + "'; the keys are "
                        + new java.util.TreeSet<>(KEYS));
            }
        }
        Scope scope = scope(where, text(properties, SCOPE, "all"));
        String hot = text(properties, HOT_TIER, "hot-disk");
        String moveTo = text(properties, MOVE_TO, "");
        int days = integer(where, properties, MOVE_AFTER_DAYS, 0);
        double percent = number(where, properties, MOVE_ABOVE_PERCENT, 0);
        List<String> keep = list(properties, KEEP_COPY_ON);
        int min = integer(where, properties, MIN_COPIES, 2);
        boolean distinct = bool(where, properties, DISTINCT_MEDIA, true);
        CopyFormat format = format(where, text(properties, PACKAGE_FORMAT, "ocfl"));

        if (hot.isEmpty()) {
            throw new InvalidPolicyException(where + ": " + HOT_TIER + " must name the backend datasets are ingested"
                    + " on, e.g. hot-disk");
        }
        if (days < 0) {
            throw new InvalidPolicyException(where + ": " + MOVE_AFTER_DAYS + " is " + days + "; use a number of days"
                    + " >= 1, or 0 for no age rule");
        }
        if (percent < 0 || percent >= 100) {
            throw new InvalidPolicyException(where + ": " + MOVE_ABOVE_PERCENT + " is " + percent + "; use a percentage"
                    + " between 1 and 99, or 0 for no fill rule");
        }
        if (min < 1) {
            throw new InvalidPolicyException(where + ": " + MIN_COPIES + " is " + min + "; at least 1 copy is kept");
        }
        if (moveTo.isEmpty() && (days > 0 || percent > 0)) {
            throw new InvalidPolicyException(where + ": " + (days > 0 ? MOVE_AFTER_DAYS : MOVE_ABOVE_PERCENT)
                    + " is set but " + MOVE_TO + " names no backend to move to, e.g. moveTo = tape-sim");
        }
        if (!moveTo.isEmpty() && days == 0 && percent == 0) {
            throw new InvalidPolicyException(where + ": " + MOVE_TO + " = " + moveTo + " needs a rule: "
                    + MOVE_AFTER_DAYS + " (e.g. 30) or " + MOVE_ABOVE_PERCENT + " (e.g. 85)");
        }
        if (moveTo.equals(hot)) {
            throw new InvalidPolicyException(where + ": " + MOVE_TO + " is the hot tier " + hot
                    + " itself; name another backend");
        }
        if (keep.contains(hot) || keep.contains(moveTo)) {
            throw new InvalidPolicyException(where + ": " + KEEP_COPY_ON + " " + keep + " repeats "
                    + (keep.contains(hot) ? HOT_TIER + " " + hot : MOVE_TO + " " + moveTo)
                    + "; list only the backends that hold an extra copy");
        }
        int beforeMove = 1 + keep.size();
        if (beforeMove < min) {
            throw new InvalidPolicyException(where + ": " + MIN_COPIES + " = " + min + " but from ingest only "
                    + beforeMove + " backend" + (beforeMove == 1 ? " (" + hot + ")" : "s") + " hold a copy; add"
                    + " backends to " + KEEP_COPY_ON + " (e.g. keepCopyOn = tape-sim) or lower " + MIN_COPIES);
        }
        int afterMove = 1 + keep.size();
        if (!moveTo.isEmpty() && afterMove < min) {
            throw new InvalidPolicyException(where + ": " + MIN_COPIES + " = " + min + " but after the move only "
                    + afterMove + " backends hold a copy; add backends to " + KEEP_COPY_ON + " or lower "
                    + MIN_COPIES);
        }
        return new Policy(name, scope, hot, moveTo, days, percent, keep, min, distinct, format);
    }

    private static boolean isFrameworkKey(String key) {
        return key.startsWith("service.") || key.startsWith("felix.") || key.startsWith("component.")
                || key.startsWith(".") || key.equals("objectClass");
    }

    private static Scope scope(String where, String text) throws InvalidPolicyException {
        String t = text.trim();
        if (t.equalsIgnoreCase("all")) {
            return Scope.all();
        }
        int colon = t.indexOf(':');
        String kind = colon < 0 ? "" : t.substring(0, colon).trim().toLowerCase(Locale.ROOT);
        String value = colon < 0 ? "" : t.substring(colon + 1).trim();
        if (!value.isEmpty() && kind.equals("instrument")) {
            return new Scope(Scope.Kind.INSTRUMENT, value);
        }
        if (!value.isEmpty() && kind.equals("proposal")) {
            return new Scope(Scope.Kind.PROPOSAL, value);
        }
        throw new InvalidPolicyException(where + ": " + SCOPE + " '" + text + "' is not 'all', 'instrument:<id>' or"
                + " 'proposal:<id>', e.g. scope = instrument:CoSAXS");
    }

    private static CopyFormat format(String where, String text) throws InvalidPolicyException {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "ocfl" -> CopyFormat.OCFL;
            case "plain" -> CopyFormat.PLAIN;
            default -> throw new InvalidPolicyException(where + ": " + PACKAGE_FORMAT + " '" + text
                    + "' is not 'ocfl' (an OCFL object per dataset) or 'plain' (files as on the hot tier)");
        };
    }

    private static String text(Map<String, ?> p, String key, String fallback) {
        Object v = p.get(key);
        return v == null ? fallback : v.toString().trim();
    }

    private static List<String> list(Map<String, ?> p, String key) {
        Object v = p.get(key);
        List<String> items = new ArrayList<>();
        if (v instanceof String[] array) {
            items.addAll(List.of(array));
        } else if (v instanceof Iterable<?> iterable) {
            iterable.forEach(o -> items.add(String.valueOf(o)));
        } else if (v != null) {
            items.addAll(List.of(v.toString().split(",")));
        }
        return List.copyOf(new LinkedHashSet<>(items.stream().map(String::trim).filter(s -> !s.isEmpty()).toList()));
    }

    private static int integer(String where, Map<String, ?> p, String key, int fallback)
            throws InvalidPolicyException {
        Object v = p.get(key);
        if (v == null || v.toString().isBlank()) {
            return fallback;
        }
        try {
            return v instanceof Number n ? n.intValue() : Integer.parseInt(v.toString().trim());
        } catch (NumberFormatException e) {
            throw new InvalidPolicyException(where + ": " + key + " '" + v + "' is not a whole number");
        }
    }

    private static double number(String where, Map<String, ?> p, String key, double fallback)
            throws InvalidPolicyException {
        Object v = p.get(key);
        if (v == null || v.toString().isBlank()) {
            return fallback;
        }
        try {
            return v instanceof Number n ? n.doubleValue() : Double.parseDouble(v.toString().trim());
        } catch (NumberFormatException e) {
            throw new InvalidPolicyException(where + ": " + key + " '" + v + "' is not a number");
        }
    }

    private static boolean bool(String where, Map<String, ?> p, String key, boolean fallback)
            throws InvalidPolicyException {
        Object v = p.get(key);
        if (v == null || v.toString().isBlank()) {
            return fallback;
        }
        String t = v.toString().trim().toLowerCase(Locale.ROOT);
        if (t.equals("true") || t.equals("false")) {
            return Boolean.parseBoolean(t);
        }
        throw new InvalidPolicyException(where + ": " + key + " '" + v + "' is not true or false");
    }
}
