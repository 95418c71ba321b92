package org.datastamp.catalog.units;

import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.measure.Unit;

import org.datastamp.catalog.api.NormalizedQuantity;
import org.datastamp.catalog.api.UnitConverter;
import org.datastamp.catalog.api.UnknownUnitException;
import org.osgi.service.component.annotations.Component;

import tech.units.indriya.function.Calculus;
import tech.units.indriya.function.DefaultNumberSystem;

/**
 * Unit conversion backed by Indriya (the JSR 385 reference implementation). Values are converted to their system
 * unit and tagged with a name that is the same for every unit of a dimension, so the search index can compare them
 * as plain numbers.
 */
@Component(service = UnitConverter.class)
public class IndriyaUnitConverter implements UnitConverter {

    /** Parsed units with their system unit name; metadata repeats a handful of symbols millions of times. */
    private record Parsed(javax.measure.UnitConverter toSystem, String systemUnit) {
    }

    /** Bounds the cache: queries can name any number of distinct (valid) unit expressions. */
    private static final int MAX_CACHED = 10_000;

    private final UnitSymbols symbols;
    private final Map<String, Parsed> cache = new ConcurrentHashMap<>();

    public IndriyaUnitConverter() {
        // Indriya finds its number system through ServiceLoader when its unit constants first load; under Karaf
        // (Felix) that lookup fails and every unit class fails to initialise. Where it fails, the default system
        // (what the lookup would return) is named directly.
        try {
            Calculus.currentNumberSystem();
        } catch (IllegalArgumentException notFound) {
            Calculus.setCurrentNumberSystem(new DefaultNumberSystem());
        }
        symbols = new UnitSymbols();
    }

    @Override
    public NormalizedQuantity normalize(double value, String unit) throws UnknownUnitException {
        String symbol = unit == null ? "" : unit.strip();
        if (symbol.isEmpty()) {
            return new NormalizedQuantity(value, "");
        }
        Parsed parsed = cache.get(symbol);
        if (parsed == null) {
            parsed = parse(symbol);
            if (cache.size() < MAX_CACHED) {
                cache.put(symbol, parsed);
            }
        }
        return new NormalizedQuantity(parsed.toSystem().convert(value), parsed.systemUnit());
    }

    private Parsed parse(String symbol) throws UnknownUnitException {
        Unit<?> parsed;
        try {
            parsed = symbols.parse(symbol);
        } catch (RuntimeException e) {
            // Indriya reports unknown symbols with MeasurementParseException and some malformed expressions with
            // other runtime exceptions (e.g. a dangling operator); all mean the same to our caller.
            throw unknown(symbol);
        }
        if (parsed == null) {
            throw unknown(symbol);
        }
        return new Parsed(toSystemUnit(parsed), UnitSymbols.systemUnitName(parsed));
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    private static javax.measure.UnitConverter toSystemUnit(Unit unit) {
        return unit.getConverterTo(unit.getSystemUnit());
    }

    private UnknownUnitException unknown(String symbol) {
        String message = "Unknown unit '" + symbol + "'";
        Optional<String> suggestion = suggest(symbol);
        message += suggestion.map(s -> "; did you mean '" + s + "'?")
                .orElse("; use an SI symbol such as K, degC, eV, mm, um, s, Pa, mbar, deg or GB");
        return new UnknownUnitException(symbol, message);
    }

    /** The known symbol the user most likely meant, if one is close. */
    Optional<String> suggest(String symbol) {
        // "degK", "°K": kelvin has no degree sign
        String undegreed = symbol.replaceFirst("^(deg|°)\\s*", "");
        if (!undegreed.equals(symbol) && undegreed.equalsIgnoreCase("K")) {
            return Optional.of("K");
        }
        for (String known : symbols.suggestible()) {
            if (known.equalsIgnoreCase(symbol)) {
                return Optional.of(known);
            }
        }
        int allowed = symbol.length() <= 3 ? 1 : 2;
        return symbols.suggestible().stream()
                .filter(known -> editDistance(symbol.toLowerCase(Locale.ROOT), known.toLowerCase(Locale.ROOT)) <= allowed)
                .min(Comparator.comparingInt((String known) -> editDistance(symbol, known))
                        .thenComparingInt(known -> Math.abs(known.length() - symbol.length())));
    }

    /** Levenshtein distance: insertions, deletions and substitutions. */
    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
