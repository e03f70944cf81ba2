package org.gradviz.app.script.ast;

/** Prefix operators. */
public enum UnaryOp {
    NEG("-"), POS("+"), NOT("not"), INVERT("~");

    private final String symbol;

    UnaryOp(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }
}
