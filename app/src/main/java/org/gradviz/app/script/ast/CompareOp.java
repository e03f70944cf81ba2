package org.gradviz.app.script.ast;

/** Comparison operators; a chain {@code a < b <= c} holds one per link. */
public enum CompareOp {
    LT("<"), LE("<="), GT(">"), GE(">="), EQ("=="), NE("!="), IS("is"), IS_NOT("is not"), IN("in"), NOT_IN("not in");

    private final String symbol;

    CompareOp(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /** The operator for a single comparison token ({@code <}, {@code ==}, ...), or null. */
    public static CompareOp forToken(String token) {
        for (CompareOp op : values()) {
            if (op.symbol.equals(token)) {
                return op;
            }
        }
        return null;
    }
}
