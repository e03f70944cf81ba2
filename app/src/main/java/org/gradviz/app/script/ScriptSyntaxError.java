package org.gradviz.app.script;

/**
 * The one error the front end throws: a Python syntax or indentation error, or a construct that is valid Python
 * but outside the subset gradviz runs. It carries the 1-based line and column of the offending source position.
 */
public final class ScriptSyntaxError extends RuntimeException {

    /** What went wrong, which decides the prefix Python would print. */
    public enum Kind {
        SYNTAX("SyntaxError: "),
        INDENTATION("IndentationError: "),
        UNSUPPORTED("");

        private final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }

        public String prefix() {
            return prefix;
        }
    }

    private final Kind kind;
    private final String detail;
    private final int line;
    private final int column;

    public ScriptSyntaxError(Kind kind, String detail, int line, int column) {
        super(kind.prefix() + detail + " (line " + line + ", column " + column + ")");
        this.kind = kind;
        this.detail = detail;
        this.line = line;
        this.column = column;
    }

    public static ScriptSyntaxError syntax(String detail, int line, int column) {
        return new ScriptSyntaxError(Kind.SYNTAX, detail, line, column);
    }

    public static ScriptSyntaxError indentation(String detail, int line, int column) {
        return new ScriptSyntaxError(Kind.INDENTATION, detail, line, column);
    }

    public static ScriptSyntaxError unsupported(String detail, int line, int column) {
        return new ScriptSyntaxError(Kind.UNSUPPORTED, detail, line, column);
    }

    public Kind kind() {
        return kind;
    }

    /** The message without position or prefix, e.g. {@code invalid syntax}. */
    public String detail() {
        return detail;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** The message as the runner prints it: {@code prog.py:3:5: SyntaxError: invalid syntax}. */
    public String format(String fileName) {
        return fileName + ":" + line + ":" + column + ": " + kind.prefix() + detail;
    }
}
