package org.gradviz.app.script.runtime;

import java.util.List;
import java.util.Map;
import org.gradviz.app.document.OpSpec;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.ops.Rounding;

/**
 * {@code floor}, {@code ceil}, {@code round} (with {@code decimals=}), {@code trunc}, {@code frac} and
 * {@code nan_to_num}, as {@code torch.f(t, ...)} and {@code t.f(...)}, with torch 1.13's argument errors.
 */
final class TensorRounding {

    /** torch.round's signatures, as its TypeError lists them. */
    private static final List<OpSpec.Overload> ROUND_OVERLOADS = List.of(
            new OpSpec.Overload(1, 2, "(Tensor input, *, Tensor out)"),
            new OpSpec.Overload(1, 3, "(Tensor input, *, int decimals, Tensor out)"));

    private TensorRounding() {
    }

    static void addShared(Map<String, PyCallable> m) {
        for (Rounding.Step step : Rounding.Step.values()) {
            if (step != Rounding.Step.ROUND) {
                m.put(step.op(), a -> Rounding.step(a.accept(1, "input").tensor(0, "input"), step));
            }
        }
        m.put("frac", a -> Rounding.frac(a.accept(1, "input").tensor(0, "input")));
        m.put("round", a -> {
            if (a.size() > 1) {
                throw InvalidArguments.of(PyError.type("round() takes 1 positional argument"), "round",
                        ROUND_OVERLOADS, a, false);
            }
            return round(a.accept(1, "input", "decimals").tensor(0, "input"), a);
        });
        m.put("nan_to_num", a -> {
            if (a.size() > 4) {
                throw PyError.type("nan_to_num() takes from 1 to 4 positional arguments but " + a.size()
                        + " were given");
            }
            a.accept(4, "input", "nan", "posinf", "neginf");
            Double nan = optional(a, 1, "nan");
            return Rounding.nanToNum(a.tensor(0, "input"), nan == null ? 0.0 : nan, optional(a, 2, "posinf"),
                    optional(a, 3, "neginf"));
        });
    }

    /** The methods, whose argument errors are those of Python methods of {@code _TensorBase}. */
    static PyCallable method(Tensor t, String name) {
        return switch (name) {
            case "floor", "ceil", "trunc", "frac" -> a -> {
                if (!a.keywords().isEmpty()) {
                    throw PyError.type("_TensorBase." + name + "() takes no keyword arguments");
                }
                if (a.size() > 0) {
                    throw PyError.type("_TensorBase." + name + "() takes no arguments (" + a.size() + " given)");
                }
                return name.equals("frac") ? Rounding.frac(t) : Rounding.step(t, Rounding.Step.valueOf(
                        name.toUpperCase(java.util.Locale.ROOT)));
            };
            case "round" -> a -> {
                if (a.size() > 0) {
                    // NOTE: torch's own words, "1 were given" included
                    throw PyError.type("round() takes from 1 to 0 positional arguments but " + a.size()
                            + " were given");
                }
                return round(t, a.accept(0, "decimals"));
            };
            default -> null;
        };
    }

    private static Tensor round(Tensor t, Args a) {
        if (!a.keywords().containsKey("decimals")) {
            return Rounding.step(t, Rounding.Step.ROUND);
        }
        Object d = a.keywords().get("decimals");
        if (!Values.isInteger(d) || d instanceof Boolean) {
            throw PyError.type("round(): argument 'decimals' must be int, not " + Values.typeName(d));
        }
        return Rounding.round(t, Ints.int64(d));
    }

    /** nan=/posinf=/neginf=: a float (an int or a bool will do, as for torch's parser), or null for None or absent. */
    private static Double optional(Args a, int index, String name) {
        Object v = a.get(index, name, PyNone.NONE);
        if (v == PyNone.NONE) {
            return null;
        }
        if (!Values.isNumber(v)) {
            throw PyError.type(a.function() + "(): argument '" + name + "' must be float, not " + Values.typeName(v));
        }
        return Values.toDouble(v, name);
    }
}
