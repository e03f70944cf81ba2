package org.gradviz.app.script.ast;

/** The {@code !r}, {@code !s}, {@code !a} conversion of an f-string field. */
public enum Conversion {
    NONE, STR, REPR, ASCII;

    public static Conversion forChar(char c) {
        return switch (c) {
            case 's' -> STR;
            case 'r' -> REPR;
            case 'a' -> ASCII;
            default -> null;
        };
    }
}
