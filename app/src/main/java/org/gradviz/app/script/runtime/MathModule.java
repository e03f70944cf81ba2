package org.gradviz.app.script.runtime;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/** The few members of Python's {@code math} module a notebook cell uses. */
final class MathModule {

    private MathModule() {
    }

    static Map<String, Object> members() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pi", Math.PI);
        m.put("e", Math.E);
        m.put("inf", Double.POSITIVE_INFINITY);
        m.put("nan", Double.NaN);
        unary(m, "exp", Math::exp);
        unary(m, "sin", Math::sin);
        unary(m, "cos", Math::cos);
        unary(m, "tanh", Math::tanh);
        unary(m, "fabs", Math::abs);
        m.put("sqrt", new Builtin("sqrt", a -> {
            double x = a.number(0, "x");
            if (x < 0) {
                throw PyError.value("math domain error");
            }
            return Math.sqrt(x);
        }));
        m.put("log", new Builtin("log", a -> {
            double x = a.number(0, "x");
            if (x <= 0) {
                throw PyError.value("math domain error");
            }
            return a.size() > 1 ? Math.log(x) / Math.log(a.number(1, "base")) : Math.log(x);
        }));
        m.put("isclose", new Builtin("isclose", a -> {
            double x = a.number(0, "a");
            double y = a.number(1, "b");
            double rel = a.number(-1, "rel_tol", 1e-9);
            double abs = a.number(-1, "abs_tol", 0.0);
            return x == y || Math.abs(x - y) <= Math.max(rel * Math.max(Math.abs(x), Math.abs(y)), abs);
        }));
        return m;
    }

    private static void unary(Map<String, Object> m, String name, DoubleUnaryOperator f) {
        m.put(name, new Builtin(name, a -> f.applyAsDouble(a.accept(1).number(0, "x"))));
    }
}
