package org.gradviz.app.script.ast;

/** The short-circuit operators. */
public enum LogicalOp {
    AND("and"), OR("or");

    private final String symbol;

    LogicalOp(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }
}
