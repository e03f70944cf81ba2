package org.gradviz.app.script.runtime;

import org.gradviz.app.script.ast.Node;
import org.gradviz.app.script.syntax.Subset;

/**
 * Something valid in Python and PyTorch that gradviz does not do, found only while running (a tensor method, say).
 * No {@code except} catches it: the run stops with exit 2 and {@code FILE:LINE:COL: 'X' is not supported by
 * gradviz}, as a refusal before running would.
 */
public final class Unsupported extends RuntimeException {

    private int line;
    private int column;

    /** @param construct what is not supported, quoted as the message shows it: {@code 'Tensor.numpy'} */
    public Unsupported(String construct) {
        super(Subset.notSupported(construct), null, false, false);
    }

    /** This refusal placed at {@code node}, unless it already has a place (the innermost expression wins). */
    Unsupported at(Node node) {
        if (line == 0) {
            line = node.line();
            column = node.column();
        }
        return this;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** {@code prog.py:3:5: 'Tensor.numpy' is not supported by gradviz}. */
    public String format(String fileName) {
        return fileName + ":" + line + ":" + column + ": " + getMessage();
    }
}
