package org.gradviz.app.script.syntax;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.gradviz.app.script.ScriptSyntaxError;

/**
 * What gradviz runs out of valid Python, and the refusal for everything else: {@code 'X' is not supported by
 * gradviz} at the construct's position, before anything runs. The README's list of what is supported is checked
 * against these tables (and the runtime's modules and builtins), so the two cannot drift.
 */
public final class Subset {

    /** The Python statements and expressions the parser accepts, as the README lists them. */
    public static final List<String> PYTHON = List.of(
            "`import` / `from ... import` of the modules below, with `as`",
            "assignment (chained, tuple/list unpacking, attributes, subscripts), `+=` and the other arithmetic "
                    + "augmented assignments",
            "`if`/`elif`/`else`, `for` (with unpacking targets), `while`, `for`/`while ... else`, `break`, "
                    + "`continue`, `pass`",
            "`del` of names, subscripts (list items and slices, dict keys) and attributes",
            "`def` with default values, `*args`, keyword-only parameters and `**kwargs`, `return`, `lambda`, "
                    + "closures, `global`, `nonlocal`; decorators, "
                    + "`@staticmethod`, `@classmethod`",
            "`class` with one base, `__init__`, methods, class and instance attributes, `super()`, "
                    + "`__str__`/`__repr__`/`__call__`",
            "`try`/`except E as e`/`else`/`finally`, `raise`, `assert`, the builtin exception classes",
            "`with torch.no_grad():` and `with torch.enable_grad():`",
            "int, float, str (f-strings, `%` formatting, `str.format`), bool, None, list, tuple, dict, set; list, "
                    + "dict, set and generator comprehensions",
            "arithmetic `+ - * / // % ** @`, bitwise `& | ^ ~ << >>` (ints, bools, sets, integer and bool tensors), "
                    + "comparisons, `and`/`or`/`not`, conditional expressions, calls with "
                    + "`*items` and `**mapping` and "
                    + "keyword arguments, subscripts and slices");

    /** Reserved words that start a construct outside the subset. */
    public static final Set<String> REFUSED_KEYWORDS = Set.of("async");

    /** Modules a program may import, with or without {@code as}, or import names from. */
    public static final List<String> IMPORTABLE =
            List.of("torch", "torch.nn", "torch.nn.functional", "torch.nn.init", "torch.nn.utils", "torch.optim", "torch.optim.lr_scheduler",
                    "torch.autograd",
                    "torch.autograd.functional", "torch.linalg", "math", "warnings", "random", "collections", "copy",
                    "torch.utils", "torch.utils.data", "sys", "time");

    private Subset() {
    }

    /** The message for an unsupported construct: {@code 'while' is not supported by gradviz}. */
    public static String notSupported(String construct) {
        return construct + " is not supported by gradviz";
    }

    /** The error for an unsupported construct at a position. */
    public static ScriptSyntaxError refuse(String construct, int line, int column) {
        return ScriptSyntaxError.unsupported(notSupported(construct), line, column);
    }

    static ScriptSyntaxError refuse(String construct, Token at) {
        return refuse(construct, at.line(), at.column());
    }

    /** Refuses a reserved word that starts a construct outside the subset: {@code 'async'}. */
    static ScriptSyntaxError refuseKeyword(Token keyword) {
        return refuse("'" + keyword.text() + "'", keyword);
    }

    /** The refusal of an import of a module outside {@link #IMPORTABLE}, or empty if it may be imported. */
    static Optional<ScriptSyntaxError> checkImport(String statement, String module, Token at) {
        if (IMPORTABLE.contains(module)) {
            return Optional.empty();
        }
        return Optional.of(refuse("'" + statement + "'", at));
    }
}
