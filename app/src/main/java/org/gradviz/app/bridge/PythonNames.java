package org.gradviz.app.bridge;

import java.util.Set;

/** Document names as Python variables of the written cell. */
final class PythonNames {
    private static final Set<String> TAKEN = Set.of("torch", "F", "print", "float",
            "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def",
            "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is",
            "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield");

    private PythonNames() {
    }

    /** The name itself, or with a trailing underscore when the cell needs that name ({@code F_}, {@code if_}). */
    static String variable(String documentName) {
        return TAKEN.contains(documentName) ? documentName + "_" : documentName;
    }
}
