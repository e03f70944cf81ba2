package org.gradviz.app.script.runtime;

import java.util.ArrayList;
import java.util.List;

import org.gradviz.app.script.ast.Expr;
import org.gradviz.app.script.ast.UnaryOp;
import org.gradviz.engine.Tensor;

/** {@code a, *b = items}, {@code [*a, *b]} and {@code {**a, **b}}: what they unpack, with CPython's messages. */
final class Unpacking {

    private Unpacking() {
    }

    /**
     * The value each target receives: one item each, and a list of the items the others leave for the starred
     * target if there is one.
     */
    static List<Object> forTargets(List<Expr> targets, List<Object> items) {
        int star = -1;
        for (int i = 0; i < targets.size(); i++) {
            if (targets.get(i) instanceof Expr.Starred) {
                star = i;
            }
        }
        if (star < 0) {
            if (items.size() > targets.size()) {
                throw PyError.value("too many values to unpack (expected " + targets.size() + ")");
            }
            if (items.size() < targets.size()) {
                throw PyError.value("not enough values to unpack (expected " + targets.size() + ", got "
                        + items.size() + ")");
            }
            return items;
        }
        int others = targets.size() - 1;
        if (items.size() < others) {
            throw PyError.value("not enough values to unpack (expected at least " + others + ", got "
                    + items.size() + ")");
        }
        int after = others - star;
        List<Object> values = new ArrayList<>(items.subList(0, star));
        values.add(new ArrayList<>(items.subList(star, items.size() - after)));
        values.addAll(items.subList(items.size() - after, items.size()));
        return values;
    }

    /** The items {@code *value} stands for in a list or tuple display. */
    static List<Object> displayed(Object value) {
        if (value instanceof String || value instanceof PyRange || value instanceof Tensor) {
            return Iteration.items(value);
        }
        List<?> items = Values.items(value); // NOTE: takes an iterator's items: read them once
        if (items == null) {
            throw PyError.type("Value after * must be an iterable, not " + Values.typeName(value));
        }
        return new ArrayList<>(items);
    }

    /** {@code **value} in a dict display: its entries, later ones replacing earlier values. */
    static void mergeMapping(PyDict into, Object value) {
        if (!(value instanceof PyDict d)) {
            throw PyError.type("'" + Values.typeName(value) + "' object is not a mapping");
        }
        for (Object key : d.keys()) {
            into.put(key, d.get(key));
        }
    }

    /** Whether CPython's compiler folds this display element into a constant. */
    static boolean isConstant(Expr e) {
        if (e instanceof Expr.Unary u && (u.op() == UnaryOp.NEG || u.op() == UnaryOp.POS)) {
            return u.operand() instanceof Expr.IntLiteral || u.operand() instanceof Expr.FloatLiteral;
        }
        return e instanceof Expr.IntLiteral || e instanceof Expr.FloatLiteral || e instanceof Expr.StringLiteral
                || e instanceof Expr.BoolLiteral || e instanceof Expr.NoneLiteral;
    }
}
