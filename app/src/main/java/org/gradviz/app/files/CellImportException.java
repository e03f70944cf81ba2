package org.gradviz.app.files;

import java.util.List;
import java.util.stream.Collectors;

/** A cell the importer refused, with one problem per offending line, in line order. */
public final class CellImportException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    public CellImportException(List<Problem> problems) {
        super(problems.isEmpty() ? "the cell cannot be imported"
                : problems.stream().map(Problem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public CellImportException(Problem problem) {
        this(List.of(problem));
    }

    public List<Problem> problems() {
        return problems;
    }

    /**
     * One reason the cell was refused.
     *
     * @param line the 1-based line of the cell it is about, or 0 when it is about the whole cell
     */
    public record Problem(int line, String message) {

        public static Problem whole(String message) {
            return new Problem(0, message);
        }

        /** {@code line 3: torch.nn.Conv2d is not supported}, or the bare message for the whole cell. */
        @Override
        public String toString() {
            return line > 0 ? "line " + line + ": " + message : message;
        }
    }
}
