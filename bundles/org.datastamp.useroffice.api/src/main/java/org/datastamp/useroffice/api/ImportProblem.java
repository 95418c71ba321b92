package org.datastamp.useroffice.api;

/**
 * A bad row of an imported file.
 *
 * @param line    line number in the file, 1 for the first line
 * @param field   the column or member at fault, empty for the whole row
 * @param message what is wrong
 */
public record ImportProblem(int line, String field, String message) {

    public ImportProblem {
        field = field == null ? "" : field;
        java.util.Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return "line " + line + (field.isEmpty() ? "" : " (" + field + ")") + ": " + message;
    }
}
