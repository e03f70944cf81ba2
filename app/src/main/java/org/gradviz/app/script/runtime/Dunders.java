package org.gradviz.app.script.runtime;

import java.util.List;
import java.util.Map;
import org.gradviz.app.script.ast.BinaryOp;
import org.gradviz.app.script.ast.CompareOp;

/**
 * Operators on instances of the program's own classes, through their special methods as Python finds them: the left
 * operand's {@code __add__}, else the right one's {@code __radd__} (micrograd's {@code Value}); {@code __iadd__} and
 * the other in-place methods for an augmented assignment; {@code __neg__},
 * {@code __invert__}; {@code __eq__}/{@code __lt__}/... with their reflections; {@code __len__}; {@code __bool__}.
 */
final class Dunders {
    /** What the methods here give when no special method applies: the caller goes on as before. */
    static final Object NONE_FOUND = new Object();

    private static final Map<BinaryOp, String> BINARY = Map.ofEntries(Map.entry(BinaryOp.ADD, "add"),
            Map.entry(BinaryOp.SUB, "sub"), Map.entry(BinaryOp.MUL, "mul"), Map.entry(BinaryOp.DIV, "truediv"),
            Map.entry(BinaryOp.FLOOR_DIV, "floordiv"), Map.entry(BinaryOp.MOD, "mod"), Map.entry(BinaryOp.POW, "pow"),
            Map.entry(BinaryOp.MATMUL, "matmul"), Map.entry(BinaryOp.BITWISE_AND, "and"),
            Map.entry(BinaryOp.BITWISE_OR, "or"), Map.entry(BinaryOp.BITWISE_XOR, "xor"),
            Map.entry(BinaryOp.BITWISE_LEFT_SHIFT, "lshift"), Map.entry(BinaryOp.BITWISE_RIGHT_SHIFT, "rshift"));
    private static final Map<CompareOp, String[]> COMPARE = Map.of(CompareOp.EQ, new String[] {"__eq__", "__eq__"},
            CompareOp.NE, new String[] {"__ne__", "__ne__"}, CompareOp.LT, new String[] {"__lt__", "__gt__"},
            CompareOp.LE, new String[] {"__le__", "__ge__"}, CompareOp.GT, new String[] {"__gt__", "__lt__"},
            CompareOp.GE, new String[] {"__ge__", "__le__"});

    private Dunders() {
    }

    /**
     * {@code a op b} by {@code a.__op__(b)}, else {@code b.__rop__(a)}; {@code b.__rop__(a)} first when b's class is
     * a subclass of a's that has a reflected method of its own, as CPython's slot functions decide.
     */
    static Object binary(BinaryOp op, Object a, Object b) {
        String name = BINARY.get(op);
        String reflected = "__r" + name + "__";
        if (overridesReflected(a, b, reflected)) {
            Object r = call(b, reflected, a);
            if (r != NONE_FOUND) {
                return r;
            }
        }
        Object r = call(a, "__" + name + "__", b);
        return r != NONE_FOUND ? r : call(b, reflected, a);
    }

    /** CPython's method_is_overloaded test: b's class derives from a's and finds another {@code reflected}. */
    private static boolean overridesReflected(Object a, Object b, String reflected) {
        return a instanceof PyInstance x && b instanceof PyInstance y && y.cls() != x.cls()
                && y.cls().isSubclassOf(x.cls()) && y.cls().lookup(reflected) != x.cls().lookup(reflected);
    }

    /** {@code a op= b} by {@code a.__iop__(b)} ({@code __iadd__}, {@code __ixor__}, ...), which Python tries first. */
    static Object inPlace(BinaryOp op, Object a, Object b) {
        return call(a, "__i" + BINARY.get(op) + "__", b);
    }

    /** {@code -v}, {@code +v} and {@code ~v} by {@code __neg__} / {@code __pos__} / {@code __invert__}. */
    static Object unary(String method, Object v) {
        return call(v, method, null);
    }

    /** {@code a op b} for the six comparisons, by a's method or b's reflected one. */
    static Object compare(CompareOp op, Object a, Object b) {
        String[] names = COMPARE.get(op);
        if (names == null) {
            return NONE_FOUND;
        }
        Object r = call(a, names[0], b);
        return r != NONE_FOUND ? r : call(b, names[1], a);
    }

    /** The special method's result, or {@link #NONE_FOUND} when v is not an instance whose class defines it. */
    static Object call(Object v, String method, Object argument) {
        if (!(v instanceof PyInstance i) || !(i.cls().lookup(method) instanceof PyFunction f)) {
            return NONE_FOUND;
        }
        List<Object> args = argument == null ? List.of(i) : List.of(i, argument);
        return f.call(new Args(method, args, Map.of()));
    }
}
