package org.datastamp.useroffice.api;

import java.util.List;

/** A file with bad rows; nothing of it was written. */
public class ImportException extends UserOfficeException {

    private static final long serialVersionUID = 1L;

    private final transient List<ImportProblem> problems;

    public ImportException(String fileName, List<ImportProblem> problems) {
        super(fileName + " has " + problems.size() + " bad row" + (problems.size() == 1 ? "" : "s")
                + "; nothing was imported: " + String.join("; ", problems.stream().map(ImportProblem::toString)
                        .limit(20).toList()) + (problems.size() > 20 ? "; ..." : ""));
        this.problems = List.copyOf(problems);
    }

    public List<ImportProblem> problems() {
        return problems;
    }
}
