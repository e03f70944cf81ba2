package org.gradviz.app.bridge;

/**
 * One reason a cell cannot become a document, at its place in the cell.
 *
 * @param line 1-based, or 0 when the problem belongs to the whole cell
 * @param column 1-based, or 0 when only the line is known
 */
public record ImportProblem(int line, int column, String message) {

    /** {@code cell.py:3:5: message}, {@code cell.py:3: message} or {@code cell.py: message}. */
    public String format(String fileName) {
        StringBuilder sb = new StringBuilder(fileName);
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) {
                sb.append(':').append(column);
            }
        }
        return sb.append(": ").append(message).toString();
    }
}
