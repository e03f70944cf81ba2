package org.gradviz.app.script.syntax;

import java.util.List;

import org.gradviz.app.script.ScriptSyntaxError;
import org.gradviz.app.script.ast.Expr;

/**
 * Checks the left side of assignments and for loops, and the targets of {@code del}, with Python's messages for what
 * cannot be assigned or deleted.
 */
final class Targets {

    private Targets() {
    }

    /** A target of {@code =}: a name, attribute, subscript, or a tuple or list of targets. */
    static void checkAssign(Expr target) {
        checkAssign(target, true);
    }

    private static void checkAssign(Expr target, boolean outermost) {
        if (isSingle(target)) {
            return;
        }
        if (target instanceof Expr.TupleExpr t) {
            t.elements().forEach(e -> checkAssign(e, false));
        } else if (target instanceof Expr.ListExpr l) {
            l.elements().forEach(e -> checkAssign(e, false));
        } else if (target instanceof Expr.Starred s) {
            checkAssign(s.value(), false);
        } else {
            boolean constant = target instanceof Expr.BoolLiteral || target instanceof Expr.NoneLiteral;
            String hint = outermost && !constant ? " here. Maybe you meant '==' instead of '='?" : "";
            throw cannotAssign(target, hint);
        }
    }

    /**
     * Where a target holds {@code *x}, as CPython's compiler checks after parsing: one per list or tuple, and only
     * inside one.
     */
    static void checkStarred(Expr target) {
        if (target instanceof Expr.Starred s) {
            throw ScriptSyntaxError.syntax("starred assignment target must be in a list or tuple", s.line(),
                    s.column());
        }
        List<Expr> elements = target instanceof Expr.TupleExpr t ? t.elements()
                : target instanceof Expr.ListExpr l ? l.elements() : List.of();
        if (elements.stream().filter(Expr.Starred.class::isInstance).count() > 1) {
            throw ScriptSyntaxError.syntax("multiple starred expressions in assignment", target.line(),
                    target.column());
        }
        for (Expr e : elements) {
            checkStarred(e instanceof Expr.Starred s ? s.value() : e);
        }
    }

    /** A target of {@code +=} and friends: one name, attribute or subscript. */
    static void checkAugmented(Expr target) {
        if (isSingle(target)) {
            return;
        }
        String what = target instanceof Expr.TupleExpr ? "tuple"
                : target instanceof Expr.ListExpr ? "list" : describe(target);
        throw ScriptSyntaxError.syntax("'" + what + "' is an illegal expression for augmented assignment",
                target.line(), target.column());
    }

    /** A target of {@code del}: a name, attribute, subscript, or a tuple or list of targets (none starred). */
    static void checkDelete(Expr target) {
        if (isSingle(target)) {
            return;
        }
        if (target instanceof Expr.TupleExpr t) {
            t.elements().forEach(Targets::checkDelete);
        } else if (target instanceof Expr.ListExpr l) {
            l.elements().forEach(Targets::checkDelete);
        } else {
            throw ScriptSyntaxError.syntax("cannot delete " + describe(target), target.line(), target.column());
        }
    }

    /** A for-loop or comprehension target: as for {@code =}, without the hint about {@code ==}. */
    static void checkFor(Expr target) {
        checkAssign(target, false);
    }

    private static boolean isSingle(Expr e) {
        return e instanceof Expr.Name || e instanceof Expr.Attribute || e instanceof Expr.Subscript;
    }

    private static ScriptSyntaxError cannotAssign(Expr target, String hint) {
        return ScriptSyntaxError.syntax("cannot assign to " + describe(target) + hint, target.line(),
                target.column());
    }

    /** How Python names an expression in messages about assigning to it. */
    static String describe(Expr e) {
        if (e instanceof Expr.BoolLiteral b) {
            return b.value() ? "True" : "False";
        }
        if (e instanceof Expr.NoneLiteral) {
            return "None";
        }
        if (e instanceof Expr.IntLiteral || e instanceof Expr.FloatLiteral || e instanceof Expr.StringLiteral) {
            return "literal";
        }
        if (e instanceof Expr.Starred) {
            return "starred";
        }
        if (e instanceof Expr.FString) {
            return "f-string expression";
        }
        if (e instanceof Expr.Call) {
            return "function call";
        }
        if (e instanceof Expr.Compare) {
            return "comparison";
        }
        if (e instanceof Expr.IfExpr) {
            return "conditional expression";
        }
        if (e instanceof Expr.Attribute) {
            return "attribute";
        }
        if (e instanceof Expr.Subscript) {
            return "subscript";
        }
        return "expression";
    }
}
