package org.datastamp.metadata.nexus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.datastamp.catalog.api.MetadataEntry;
import org.datastamp.catalog.api.UnitConverter;
import org.datastamp.catalog.api.UnknownUnitException;
import org.datastamp.metadata.api.SchemaViolation;

/**
 * Checks recorded metadata against a definition's requirements: each required quantity (or one of its alternatives)
 * must be recorded, as a number, in a unit of the right dimension. Dimensions are compared through the catalogue's
 * unit converter: two units fit when they convert to the same system unit ({@code Å} and {@code mm} both to {@code m}).
 */
final class DefinitionCheck {

    private final String definition;
    private final List<Requirement> requirements;

    DefinitionCheck(String definition, List<Requirement> requirements) {
        this.definition = definition;
        this.requirements = List.copyOf(requirements);
    }

    List<Requirement> requirements() {
        return requirements;
    }

    List<SchemaViolation> validate(List<MetadataEntry> recorded, UnitConverter units) {
        Map<String, MetadataEntry> byName = new HashMap<>();
        recorded.forEach(entry -> byName.putIfAbsent(entry.name(), entry));
        List<SchemaViolation> violations = new ArrayList<>();
        for (Requirement requirement : requirements) {
            List<Quantity> present = requirement.quantities().stream().filter(q -> byName.containsKey(q.name()))
                    .toList();
            if (requirement.kind() == Requirement.Kind.ONE_OF && present.isEmpty()) {
                violations.add(new SchemaViolation(definition, requirement.quantities().get(0).name(), definition
                        + " needs " + describe(requirement.quantities(), " or ") + ", which was not recorded"));
            }
            if (requirement.kind() == Requirement.Kind.ALL_OR_NONE && !present.isEmpty()
                    && present.size() < requirement.quantities().size()) {
                List<Quantity> absent = requirement.quantities().stream().filter(q -> !present.contains(q)).toList();
                violations.add(new SchemaViolation(definition, absent.get(0).name(), describe(present, " and ")
                        + " recorded without " + describe(absent, " and ") + "; " + definition + " needs them together"));
            }
            for (Quantity quantity : present) {
                problem(byName.get(quantity.name()), quantity, units)
                        .ifPresent(reason -> violations.add(new SchemaViolation(definition, quantity.name(), reason)));
            }
        }
        return violations;
    }

    private static String describe(List<Quantity> quantities, String joiner) {
        return quantities.stream().map(q -> "'" + q.name() + "' (" + q.dimension() + ")")
                .collect(Collectors.joining(joiner));
    }

    private static Optional<String> problem(MetadataEntry entry, Quantity quantity, UnitConverter units) {
        boolean numeric = entry.value() instanceof Number
                || entry.value() instanceof List<?> list && !list.isEmpty() && list.stream().allMatch(Number.class::isInstance);
        if (!numeric) {
            return Optional.of("'" + quantity.name() + "' must be a number (" + quantity.dimension() + "), got '"
                    + entry.value() + "'");
        }
        try {
            String expected = units.normalize(1, quantity.example()).systemUnit();
            String actual = units.normalize(1, entry.unit()).systemUnit();
            if (!expected.equals(actual)) {
                return Optional.of("'" + quantity.name() + "' must be " + quantity.dimension() + " (e.g. in "
                        + quantity.example() + "), but its unit '" + entry.unit() + "' is "
                        + (entry.unit().isEmpty() ? "missing" : "of another dimension"));
            }
            return Optional.empty();
        } catch (UnknownUnitException e) {
            return Optional.of("'" + quantity.name() + "': " + e.getMessage());
        }
    }
}
