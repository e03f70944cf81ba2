package org.gradviz.app.script.syntax;

import java.util.List;

import org.gradviz.app.script.ScriptSyntaxError;

/**
 * What gradviz runs out of valid Python, and the refusal for everything else. A refusal names the construct at its
 * position and lists what is supported, so the user knows what to rewrite.
 */
public final class Subset {

    /** The short list printed with every refusal. */
    public static final String SUPPORTED = "import torch|math|warnings, assignments, def/return, if/elif/else, "
            + "for NAME in ..., with, pass, break, continue, calls, f-strings";

    /** Modules a program may import, with or without {@code as}, or import names from. */
    public static final List<String> IMPORTABLE =
            List.of("torch", "torch.nn", "torch.nn.functional", "torch.optim", "math", "warnings");

    private Subset() {
    }

    /** The error for an unsupported construct, e.g. {@code 'while' is not supported by gradviz (...)}. */
    public static ScriptSyntaxError refuse(String construct, int line, int column) {
        return ScriptSyntaxError.unsupported(
                construct + " is not supported by gradviz (supported: " + SUPPORTED + ")", line, column);
    }

    static ScriptSyntaxError refuse(String construct, Token at) {
        return refuse(construct, at.line(), at.column());
    }

    /** Refuses a reserved word that starts a construct outside the subset: {@code 'while'}, {@code 'class'}. */
    static ScriptSyntaxError refuseKeyword(Token keyword) {
        return refuse("'" + keyword.text() + "'", keyword);
    }

    /** Accepts an import of one of {@link #IMPORTABLE} and refuses any other. */
    static void checkImport(String statement, String module, Token at) {
        if (!IMPORTABLE.contains(module)) {
            throw ScriptSyntaxError.unsupported("'" + statement + "' is not supported by gradviz (importable: "
                    + String.join(", ", IMPORTABLE) + ")", at.line(), at.column());
        }
    }
}
