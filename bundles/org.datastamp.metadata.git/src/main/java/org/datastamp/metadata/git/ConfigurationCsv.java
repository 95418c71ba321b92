package org.datastamp.metadata.git;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.datastamp.controls.api.ControlVariable;
import org.datastamp.metadata.api.ConfiguredVariable;
import org.datastamp.metadata.api.InvalidConfigurationException;
import org.datastamp.metadata.api.MetadataConfiguration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.databind.SequenceWriter;

/**
 * One instrument's configuration as a CSV file: a comment line naming the application definition, a header row and
 * one row per variable. One line per variable keeps Git diffs readable and lets beamline staff edit the file in a
 * spreadsheet. Reading checks every row and reports all problems at once, each with file, line and field.
 */
final class ConfigurationCsv {

    static final List<String> COLUMNS = List.of("group", "name", "device", "attribute", "units", "min", "max",
            "order", "enabled");
    private static final Set<String> REQUIRED = Set.of("name", "device", "attribute");
    private static final Pattern DEFINITION = Pattern.compile("#\\s*definition:\\s*(\\S*)\\s*");
    // Quotes only values that need it (a comma, a quote, a line break), so "sample environment" stays unquoted
    private static final CsvMapper MAPPER = CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .build();

    /** Says what is wrong with a unit symbol, or nothing when it is known. */
    @FunctionalInterface
    interface UnitCheck {
        Optional<String> problem(String unit);
    }

    private final UnitCheck units;

    ConfigurationCsv(UnitCheck units) {
        this.units = units;
    }

    /** The file name of an instrument's configuration in the repository. */
    static String fileName(String instrument) {
        return instrument + ".csv";
    }

    String write(MetadataConfiguration configuration) {
        StringWriter out = new StringWriter();
        out.write("# DataSTaMP scientific metadata configuration of " + configuration.instrument() + "\n");
        out.write("# definition: " + configuration.definition() + "\n");
        CsvSchema schema = CsvSchema.builder().addColumns(COLUMNS, CsvSchema.ColumnType.STRING).build().withHeader()
                .withLineSeparator("\n");
        try (SequenceWriter rows = MAPPER.writer(schema).writeValues(out)) {
            for (ConfiguredVariable row : configuration.variables()) {
                ControlVariable v = row.variable();
                rows.write(new String[] {v.group(), v.name(), v.device(), v.attribute(), v.unit(),
                        number(v.minimum()), number(v.maximum()), Integer.toString(v.order()),
                        Boolean.toString(row.enabled())});
            }
        } catch (IOException e) {
            throw new IllegalStateException("Writing CSV to memory failed", e);
        }
        return out.toString();
    }

    /** Plain decimal without trailing zeros ({@code 300}, {@code 0.0001}): stable and readable in diffs. */
    private static String number(Double value) {
        return value == null ? "" : BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /**
     * Checks a configuration about to be saved: the record already rules out bad names, duplicate names and crossed
     * limits; the units are checked here, the same way as when reading a file.
     */
    void check(MetadataConfiguration configuration) throws InvalidConfigurationException {
        List<String> problems = new ArrayList<>();
        for (ConfiguredVariable row : configuration.variables()) {
            units.problem(row.variable().unit()).ifPresent(p -> problems.add("Metadata configuration of "
                    + configuration.instrument() + ", variable '" + row.variable().name() + "', field 'units': " + p));
        }
        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException(String.join("\n", problems));
        }
    }

    MetadataConfiguration read(String instrument, String text) throws InvalidConfigurationException {
        String file = fileName(instrument);
        List<String> problems = new ArrayList<>();
        List<ConfiguredVariable> rows = new ArrayList<>();
        Map<String, Long> lineOfName = new HashMap<>();
        CsvSchema schema = CsvSchema.emptySchema().withHeader().withComments();
        try (MappingIterator<Map<String, String>> it = MAPPER.readerForMapOf(String.class).with(schema)
                .readValues(text)) {
            checkHeader(file, ((CsvSchema) it.getParserSchema()), problems);
            if (!problems.isEmpty()) {
                throw new InvalidConfigurationException(String.join("\n", problems));
            }
            while (it.hasNextValue()) {
                long line = it.getCurrentLocation().getLineNr();
                Map<String, String> values = it.nextValue();
                Optional<ConfiguredVariable> row = new RowReader(file, line, values, problems).read();
                String name = values.getOrDefault("name", "").strip();
                Long earlier = name.isEmpty() ? null : lineOfName.putIfAbsent(name, line);
                if (earlier != null) {
                    problems.add(file + " line " + line + ", field 'name': '" + name + "' is already configured on"
                            + " line " + earlier);
                }
                row.ifPresent(rows::add);
            }
        } catch (JsonProcessingException | RuntimeJsonMappingException e) {
            throw new InvalidConfigurationException(file + ": not a valid CSV file: " + e.getMessage());
        } catch (IOException e) {
            throw new IllegalStateException("Reading CSV from memory failed", e);
        }
        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException(String.join("\n", problems));
        }
        return new MetadataConfiguration(instrument, definition(text), rows);
    }

    private static void checkHeader(String file, CsvSchema header, List<String> problems) {
        List<String> names = new ArrayList<>();
        header.forEach(column -> names.add(column.getName()));
        for (String name : names) {
            if (!COLUMNS.contains(name)) {
                problems.add(file + " header: unknown column '" + name + "'; the columns are "
                        + String.join(",", COLUMNS));
            }
        }
        for (String required : REQUIRED) {
            if (!names.contains(required)) {
                problems.add(file + " header: column '" + required + "' is missing; the columns are "
                        + String.join(",", COLUMNS));
            }
        }
    }

    private static String definition(String text) {
        for (String line : text.split("\n")) {
            Matcher m = DEFINITION.matcher(line.strip());
            if (m.matches()) {
                return m.group(1);
            }
        }
        return "";
    }

    /** Converts one row, adding a problem (file, line, field) for each bad value instead of stopping at the first. */
    private final class RowReader {
        private final String file;
        private final long line;
        private final Map<String, String> values;
        private final List<String> problems;
        private boolean bad;

        RowReader(String file, long line, Map<String, String> values, List<String> problems) {
            this.file = file;
            this.line = line;
            this.values = values;
            this.problems = problems;
        }

        Optional<ConfiguredVariable> read() {
            String name = text("name");
            if (!name.matches("[A-Za-z][A-Za-z0-9_]*")) {
                problem("name", "'" + name + "' is not a metadata name (a letter, then letters, digits and '_')");
            }
            String unit = text("units");
            units.problem(unit).ifPresent(p -> problem("units", p));
            Double min = decimal("min");
            Double max = decimal("max");
            if (min != null && max != null && min > max) {
                problem("max", "maximum " + text("max") + " is below minimum " + text("min"));
            }
            int order = integer("order");
            boolean enabled = bool("enabled");
            String device = text("device");
            String attribute = text("attribute");
            if (device.isEmpty()) {
                problem("device", "is empty");
            }
            if (attribute.isEmpty()) {
                problem("attribute", "is empty");
            }
            if (bad) {
                return Optional.empty();
            }
            return Optional.of(new ConfiguredVariable(new ControlVariable(text("group"), name, device, attribute,
                    unit, min, max, order), enabled));
        }

        private String text(String column) {
            String value = values.get(column);
            return value == null ? "" : value.strip();
        }

        private Double decimal(String column) {
            String value = text(column);
            if (value.isEmpty()) {
                return null;
            }
            try {
                double d = Double.parseDouble(value);
                if (Double.isFinite(d)) {
                    return d;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            problem(column, "'" + value + "' is not a number");
            return null;
        }

        private int integer(String column) {
            String value = text(column);
            if (value.isEmpty()) {
                return 0;
            }
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                problem(column, "'" + value + "' is not a whole number");
                return 0;
            }
        }

        private boolean bool(String column) {
            String value = text(column).toLowerCase(Locale.ROOT);
            if (value.isEmpty() || value.equals("true")) {
                return true;
            }
            if (!value.equals("false")) {
                problem(column, "'" + text(column) + "' is neither true nor false");
            }
            return false;
        }

        private void problem(String column, String what) {
            bad = true;
            problems.add(file + " line " + line + ", field '" + column + "': " + what);
        }
    }
}
