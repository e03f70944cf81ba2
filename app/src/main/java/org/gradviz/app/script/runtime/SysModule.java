package org.gradviz.app.script.runtime;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Python's {@code sys} as far as gradviz makes it exact: {@code argv}, {@code exit}, {@code stdout}, {@code stderr},
 * {@code version_info} (the Python 3.11 the fixtures were recorded with), {@code maxsize} and {@code float_info}.
 */
final class SysModule {

    private SysModule() {
    }

    /**
     * @param argv {@code sys.argv}: the program as the command line named it, then its arguments
     * @param out where {@code sys.stdout} writes
     * @param err where {@code sys.stderr} writes
     */
    static PyModule create(List<String> argv, PrintStream out, PrintStream err) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("argv", new ArrayList<Object>(argv));
        m.put("exit", new Builtin("exit", a -> {
            // NOTE: CPython's own words: sys.exit checks for keywords first, then unpacks at most one argument
            if (!a.keywords().isEmpty()) {
                throw PyError.type("sys.exit() takes no keyword arguments");
            }
            if (a.size() > 1) {
                throw PyError.type("exit expected at most 1 argument, got " + a.size());
            }
            // NOTE: CPython raises SystemExit with status as its value: None is no args, a tuple is the args
            Object status = a.size() == 0 ? null : a.get(0, "status");
            List<Object> args = status == null || status == PyNone.NONE ? List.of()
                    : status instanceof PyTuple t ? t.items() : List.of(status);
            throw PyError.raised(ExceptionTypes.instance(ExceptionTypes.SYSTEM_EXIT, args));
        }));
        m.put("stdout", new PyTextStream("<stdout>", out));
        m.put("stderr", new PyTextStream("<stderr>", err));
        m.put("version_info", PyNamedTuple.of("sys.version_info",
                List.of("major", "minor", "micro", "releaselevel", "serial"), 3L, 11L, 2L, "final", 0L));
        m.put("maxsize", Long.MAX_VALUE);
        m.put("float_info", PyNamedTuple.of("sys.float_info",
                List.of("max", "max_exp", "max_10_exp", "min", "min_exp", "min_10_exp", "dig", "mant_dig", "epsilon",
                        "radix", "rounds"),
                Double.MAX_VALUE, 1024L, 308L, Double.MIN_NORMAL, -1021L, -307L, 15L, 53L, Math.ulp(1.0), 2L, 1L));
        return new PyModule("sys", m);
    }

    /**
     * The exit status of an uncaught SystemExit, as Python's: 0 for None, an int's low byte; anything else is written
     * to {@code err} and exits 1.
     */
    static int exitStatus(PyInstance systemExit, PrintStream err) {
        Object code = systemExit.attribute("code");
        if (code == null || code == PyNone.NONE) {
            return 0;
        }
        if (code instanceof java.math.BigInteger big) {
            // NOTE: CPython's PyLong_AsLong fails on an int beyond 64 bits and exits with its -1
            return big.bitLength() < Long.SIZE ? (int) (big.longValue() & 0xFF) : 0xFF;
        }
        if (Values.isInteger(code)) {
            return (int) (Ints.int64(code) & 0xFF);
        }
        err.print(Values.str(code) + "\n");
        return 1;
    }
}
