package org.gradviz.app.bridge;

/**
 * Python source of an expression with its binding strength, so an operand is parenthesised only when it must
 * be: {@code (a + b) * c} but {@code a * b + c}.
 */
record PythonExpression(String text, int precedence) {
    static final int SUM = 1;        // + -
    static final int PRODUCT = 2;    // * / @
    static final int UNARY = 3;      // -x
    static final int POWER = 4;      // **
    static final int POSTFIX = 5;    // f(x), x.t(), x.T, names

    static PythonExpression name(String name) {
        return new PythonExpression(name, POSTFIX);
    }

    /** The text, in parentheses when this binds more loosely than {@code needed}. */
    String atLeast(int needed) {
        return precedence >= needed ? text : "(" + text + ")";
    }
}
