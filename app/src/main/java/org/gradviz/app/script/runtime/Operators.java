package org.gradviz.app.script.runtime;

import java.util.ArrayList;
import java.util.List;
import org.gradviz.app.script.ast.BinaryOp;
import org.gradviz.app.script.ast.CompareOp;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.ops.Comparison;

/** Binary operators and comparisons on any two runtime values. */
final class Operators {

    private Operators() {
    }

    static Object binary(BinaryOp op, Object a, Object b) {
        if (a instanceof PyInstance || b instanceof PyInstance) {
            Object r = Dunders.binary(op, a, b);
            if (r != Dunders.NONE_FOUND) {
                return r;
            }
        }
        if (op == BinaryOp.BITWISE_OR && a instanceof PyDict x && b instanceof PyDict y) {
            return x.union(y);
        }
        if (a instanceof PySet x && b instanceof PySet y) {
            PySet r = x.operator(op, y);
            if (r != null) {
                return r;
            }
        }
        if (a instanceof PyDictView || b instanceof PyDictView) {
            PySet r = DictViewSets.apply(op, a, b);
            if (r != null) {
                return r;
            }
        }
        if (op == BinaryOp.MOD && a instanceof String template) {
            return StrFormat.percent(template, b);
        }
        if (a instanceof Tensor || b instanceof Tensor) {
            return TensorArithmetic.apply(op, a, b);
        }
        if (Values.isNumber(a) && Values.isNumber(b)) {
            return Numbers.apply(op, a, b);
        }
        if (op == BinaryOp.ADD) {
            if (a instanceof String x && b instanceof String y) {
                return x + y;
            }
            if (a instanceof List<?> x && b instanceof List<?> y) {
                List<Object> out = new ArrayList<>(x);
                out.addAll(y);
                return out;
            }
            if (a instanceof PyTuple x && b instanceof PyTuple y) {
                List<Object> out = new ArrayList<>(x.items());
                out.addAll(y.items());
                return new PyTuple(out);
            }
            if (a instanceof List<?> && (b instanceof String || b instanceof PyTuple)
                    || a instanceof String || a instanceof PyTuple) {
                String kind = Values.typeName(a);
                throw PyError.type("can only concatenate " + kind + " (not \"" + Values.typeName(b) + "\") to "
                        + kind);
            }
        }
        if (op == BinaryOp.MUL) {
            if (isSequence(a) && Values.isInteger(b)) {
                return Repetition.of(a, b);
            }
            if (isSequence(b) && Values.isInteger(a)) {
                return Repetition.of(b, a);
            }
            if (isSequence(a) && b instanceof Double || isSequence(b) && a instanceof Double) {
                throw PyError.type("can't multiply sequence by non-int of type 'float'");
            }
        }
        throw Numbers.unsupported(op, a, b);
    }

    static boolean isSequence(Object v) {
        return v instanceof String || v instanceof List<?> || v instanceof PyTuple;
    }

    /** {@code a op b}: a bool, or a bool tensor when a tensor is compared with a tensor or a number. */
    static Object compare(CompareOp op, Object a, Object b) {
        if (a instanceof PyInstance || b instanceof PyInstance) {
            Object r = Dunders.compare(op, a, b);
            if (r != Dunders.NONE_FOUND) {
                return r;
            }
        }
        Comparison.Kind kind = tensorComparison(op);
        if (kind != null && (a instanceof Tensor x && (b instanceof Tensor || Values.isNumber(b))
                || b instanceof Tensor && Values.isNumber(a))) {
            return Comparison.compare(operand(a), operand(b), kind);
        }
        return switch (op) {
            case EQ -> equalsOrRefuse(a, b);
            case NE -> !equalsOrRefuse(a, b);
            case IS -> identical(a, b);
            case IS_NOT -> !identical(a, b);
            case IN -> contains(b, a);
            case NOT_IN -> !contains(b, a);
            default -> order(op, a, b);
        };
    }

    private static Comparison.Kind tensorComparison(CompareOp op) {
        return switch (op) {
            case LT -> Comparison.Kind.LT;
            case LE -> Comparison.Kind.LE;
            case GT -> Comparison.Kind.GT;
            case GE -> Comparison.Kind.GE;
            case EQ -> Comparison.Kind.EQ;
            case NE -> Comparison.Kind.NE;
            default -> null;
        };
    }

    private static Tensor operand(Object v) {
        return v instanceof Tensor t ? t : TensorArithmetic.wrap(v);
    }

    private static boolean identical(Object a, Object b) {
        if (Values.isNumber(a) || a instanceof String) {
            return a.getClass() == b.getClass() && a.equals(b);
        }
        return a == b;
    }

    private static boolean equalsOrRefuse(Object a, Object b) {
        if (a instanceof Tensor || b instanceof Tensor) {
            throw tensorComparison("==");
        }
        return Values.pyEquals(a, b);
    }

    private static boolean contains(Object container, Object item) {
        if (container instanceof String s && item instanceof String sub) {
            return s.contains(sub);
        }
        if (container instanceof PyRange r && Values.isInteger(item)) {
            return r.contains(Ints.big(item));
        }
        if (container instanceof PyDict d) {
            return d.containsKey(item);
        }
        if (container instanceof PySet set) {
            return set.contains(item);
        }
        if (container instanceof PyDictView view && view.kind() == PyDictView.Kind.KEYS) {
            return view.dict().containsKey(item);
        }
        List<?> items = Values.items(container);
        if (items == null) {
            throw PyError.type("argument of type '" + Values.typeName(container) + "' is not iterable");
        }
        for (Object x : items) {
            if (identical(x, item) || Values.pyEquals(x, item)) {
                return true;
            }
        }
        return false;
    }

    /** A tuple, or a named tuple such as {@code sys.version_info}, which orders as one. */
    private static boolean tupleLike(Object v) {
        return v instanceof PyTuple || v instanceof PyNamedTuple;
    }

    private static boolean order(CompareOp op, Object a, Object b) {
        int c;
        if (a instanceof Tensor || b instanceof Tensor) {
            throw tensorComparison(op.symbol());
        } else if (Values.isNumber(a) && Values.isNumber(b)) {
            c = Numbers.compare(a, b);
            if (c == Numbers.UNORDERED) {
                return false;
            }
        } else if (a instanceof String x && b instanceof String y) {
            c = x.compareTo(y);
        } else if (tupleLike(a) && tupleLike(b) || a instanceof List<?> && b instanceof List<?>) {
            // NOTE: Python orders sequences by their first items that differ, else by length
            List<?> x = Values.items(a);
            List<?> y = Values.items(b);
            for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
                if (!Values.pyEquals(x.get(i), y.get(i))) {
                    return order(op, x.get(i), y.get(i));
                }
            }
            c = Integer.compare(x.size(), y.size());
        } else {
            throw PyError.type("'" + op.symbol() + "' not supported between instances of '" + Values.typeName(a)
                    + "' and '" + Values.typeName(b) + "'");
        }
        return switch (op) {
            case LT -> c < 0;
            case LE -> c <= 0;
            case GT -> c > 0;
            default -> c >= 0;
        };
    }

    private static Unsupported tensorComparison(String symbol) {
        return new Unsupported("'" + symbol + "' on tensors");
    }
}
