package org.gradviz.app.bridge;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A cell that cannot become a graph document, with every reason found, in line order. Nothing was imported.
 * The message has one line per problem, each starting with {@code FILE:LINE}.
 */
public final class ScriptImportException extends Exception {
    private final String fileName;
    private final List<ImportProblem> problems;

    public ScriptImportException(String fileName, List<ImportProblem> problems) {
        super(problems.stream().map(p -> p.format(fileName)).collect(Collectors.joining("\n")));
        this.fileName = fileName;
        this.problems = List.copyOf(problems);
    }

    public String fileName() {
        return fileName;
    }

    public List<ImportProblem> problems() {
        return problems;
    }

    /** The lines the problems are on, in order, without repeats (0 for the whole cell). */
    public List<Integer> lines() {
        return problems.stream().map(ImportProblem::line).distinct().toList();
    }
}
