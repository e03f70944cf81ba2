package org.gradviz.app.script.runtime;

import java.util.LinkedHashMap;
import java.util.Map;
import org.gradviz.app.script.ScriptCancelledException;

/**
 * Python's {@code time} module as training loops use it to time themselves: {@code time()}, {@code perf_counter()},
 * {@code monotonic()}, {@code process_time()} (float seconds), their {@code _ns} forms (int nanoseconds), and
 * {@code sleep(seconds)}, which a cancelled run (Cancel while a cell imports) leaves at once.
 */
final class TimeModule {
    private static final double NANOS = 1e9;

    private TimeModule() {
    }

    static Map<String, Object> members() {
        Map<String, Object> m = new LinkedHashMap<>();
        clock(m, "time", () -> {
            java.time.Instant now = java.time.Instant.now();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        });
        clock(m, "perf_counter", System::nanoTime);
        clock(m, "monotonic", System::nanoTime);
        clock(m, "process_time", () -> {
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : System.nanoTime();
        });
        m.put("sleep", new Builtin("sleep", a -> {
            if (!a.keywords().isEmpty()) {
                throw PyError.type("time.sleep() takes no keyword arguments");
            }
            if (a.size() != 1) {
                throw PyError.type("time.sleep() takes exactly one argument (" + a.size() + " given)");
            }
            sleep(nanoseconds(a.get(0, "secs")));
            return PyNone.NONE;
        }));
        return m;
    }

    /** {@code name()} in float seconds and {@code name_ns()} in int nanoseconds, read from {@code nanos}. */
    private static void clock(Map<String, Object> m, String name, java.util.function.LongSupplier nanos) {
        m.put(name, new Builtin(name, a -> {
            noArguments(name, a);
            return nanos.getAsLong() / NANOS;
        }));
        m.put(name + "_ns", new Builtin(name + "_ns", a -> {
            noArguments(name + "_ns", a);
            return nanos.getAsLong();
        }));
    }

    private static void noArguments(String name, Args a) {
        if (a.size() != 0) {
            throw PyError.type("time." + name + "() takes no arguments (" + a.size() + " given)");
        }
    }

    /**
     * CPython's _PyTime_FromSecondsObject (rounding up, as sleep does): a float checked for NaN and for the range of
     * 64-bit nanoseconds, anything else taken as an int through {@code __index__}.
     */
    private static long nanoseconds(Object seconds) {
        if (seconds instanceof Double d) {
            if (d.isNaN()) {
                throw PyError.value("Invalid value NaN (not a number)");
            }
            double ns = Math.ceil(d * NANOS);
            if (!(ns >= -0x1p63 && ns < 0x1p63)) {
                throw tooLarge();
            }
            return (long) ns;
        }
        Object index = Subscripts.asIndex(seconds);
        if (!Values.isInteger(index)) {
            throw PyError.type("'" + Values.typeName(index) + "' object cannot be interpreted as an integer");
        }
        if (!Ints.fitsLong(index) || Math.abs(Values.toLong(index)) > Long.MAX_VALUE / (long) NANOS) {
            throw tooLarge();
        }
        return Values.toLong(index) * (long) NANOS;
    }

    private static PyError tooLarge() {
        return new PyError("OverflowError", "timestamp too large to convert to C _PyTime_t");
    }

    private static void sleep(long nanos) {
        if (nanos < 0) {
            throw PyError.value("sleep length must be non-negative");
        }
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ScriptCancelledException();
        }
    }
}
