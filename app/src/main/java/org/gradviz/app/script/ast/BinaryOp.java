package org.gradviz.app.script.ast;

/** Arithmetic and bitwise operators, with the Python symbol used for display and error messages. */
public enum BinaryOp {
    ADD("+"), SUB("-"), MUL("*"), DIV("/"), FLOOR_DIV("//"), MOD("%"), POW("**"), MATMUL("@"),
    BITWISE_AND("&"), BITWISE_OR("|"), BITWISE_XOR("^"), BITWISE_LEFT_SHIFT("<<"), BITWISE_RIGHT_SHIFT(">>");

    private final String symbol;

    BinaryOp(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /** {@code & | ^ << >>}: defined on ints, bools, sets and integer tensors, never on floats. */
    public boolean isBitwise() {
        return ordinal() >= BITWISE_AND.ordinal();
    }

    /** The operator written before {@code =} in an augmented assignment, or null. */
    public static BinaryOp forAugmented(String operatorToken) {
        if (!operatorToken.endsWith("=") || operatorToken.length() < 2) {
            return null;
        }
        return forSymbol(operatorToken.substring(0, operatorToken.length() - 1));
    }

    public static BinaryOp forSymbol(String symbol) {
        for (BinaryOp op : values()) {
            if (op.symbol.equals(symbol)) {
                return op;
            }
        }
        return null;
    }
}
