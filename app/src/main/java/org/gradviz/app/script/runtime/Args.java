package org.gradviz.app.script.runtime;

import java.util.List;
import java.util.Map;
import org.gradviz.engine.DType;
import org.gradviz.engine.Tensor;

/**
 * The arguments of one call to a native function, with Python's checks and messages: a parameter may be given by
 * position or by keyword; missing or unexpected ones raise TypeError.
 */
public final class Args {
    private final String function;
    private final List<Object> positional;
    private Map<String, Object> keywords;

    public Args(String function, List<Object> positional, Map<String, Object> keywords) {
        this.function = function;
        this.positional = positional;
        this.keywords = keywords;
    }

    /** These arguments after {@code self}: a method's call through its instance. */
    Args withSelf(Object self) {
        List<Object> all = new java.util.ArrayList<>(positional.size() + 1);
        all.add(self);
        all.addAll(positional);
        return new Args(function, all, keywords);
    }

    public String function() {
        return function;
    }

    public int size() {
        return positional.size();
    }

    public List<Object> positional() {
        return positional;
    }

    public Map<String, Object> keywords() {
        return keywords;
    }

    /** Raises TypeError unless every keyword is one of {@code allowed} and at most {@code maxPositional} are given. */
    public Args accept(int maxPositional, String... allowed) {
        return accept(maxPositional, true, allowed);
    }

    /**
     * As {@link #accept(int, String...)}; with {@code numpyAliases} (torch's native functions) {@code axis=} and
     * {@code keepdims=} stand for {@code dim=} and {@code keepdim=}, as torch's argument parser takes them.
     */
    public Args accept(int maxPositional, boolean numpyAliases, String... allowed) {
        if (numpyAliases) {
            alias("axis", "dim", allowed);
            alias("keepdims", "keepdim", allowed);
        }
        if (positional.size() > maxPositional) {
            throw PyError.type(function + "() takes " + (maxPositional == 1 ? "1 positional argument"
                    : maxPositional + " positional arguments") + " but " + positional.size()
                    + (positional.size() == 1 ? " was" : " were") + " given");
        }
        for (String k : keywords.keySet()) {
            if (!List.of(allowed).contains(k)) {
                if (k.equals("out")) { // NOTE: torch's functions take out= (a tensor written in place); gradviz's not
                    throw new Unsupported("'" + function + "(out=...)'");
                }
                throw PyError.type(function + "() got an unexpected keyword argument '" + k + "'");
            }
        }
        return this;
    }

    private void alias(String alias, String name, String[] allowed) {
        if (keywords.containsKey(alias) && !keywords.containsKey(name) && List.of(allowed).contains(name)) {
            Map<String, Object> renamed = new java.util.LinkedHashMap<>();
            keywords.forEach((k, v) -> renamed.put(k.equals(alias) ? name : k, v));
            keywords = renamed;
        }
    }

    public boolean has(int index, String name) {
        return index >= 0 && index < positional.size() || name != null && keywords.containsKey(name);
    }

    /** A required argument. */
    public Object get(int index, String name) {
        if (index >= 0 && index < positional.size()) {
            if (name != null && keywords.containsKey(name)) {
                throw PyError.type(function + "() got multiple values for argument '" + name + "'");
            }
            return positional.get(index);
        }
        if (name != null && keywords.containsKey(name)) {
            return keywords.get(name);
        }
        throw PyError.type(function + "() missing required argument: '" + name + "'");
    }

    public Object get(int index, String name, Object fallback) {
        return has(index, name) ? get(index, name) : fallback;
    }

    public Tensor tensor(int index, String name) {
        Object v = get(index, name);
        if (v instanceof Tensor t) {
            return t;
        }
        // NOTE: torch names the position of an argument given positionally ("argument 'other' (position 2)")
        String position = index >= 0 && index < positional.size() ? " (position " + (index + 1) + ")" : "";
        throw PyError.type(function + "(): argument '" + name + "'" + position + " must be Tensor, not "
                + Values.typeName(v));
    }

    /** An optional tensor; None or absent gives null. */
    public Tensor optionalTensor(int index, String name) {
        Object v = get(index, name, PyNone.NONE);
        return v == PyNone.NONE ? null : tensor(index, name);
    }

    public double number(int index, String name) {
        return Values.toDouble(get(index, name), function + "(): argument '" + name + "'");
    }

    public double number(int index, String name, double fallback) {
        return has(index, name) ? number(index, name) : fallback;
    }

    /** An optional number; None or absent gives null. */
    public Double optionalNumber(int index, String name) {
        Object v = get(index, name, PyNone.NONE);
        return v == PyNone.NONE ? null : Values.toDouble(v, function + "(): argument '" + name + "'");
    }

    public long integer(int index, String name) {
        return Values.toIndex(get(index, name), function + "(): argument '" + name + "'");
    }

    public boolean bool(int index, String name, boolean fallback) {
        return has(index, name) ? Values.truthy(get(index, name)) : fallback;
    }

    /** {@code dtype=}: a torch dtype, or null when absent or None. */
    public DType dtype(int index, String name) {
        Object v = get(index, name, PyNone.NONE);
        if (v == PyNone.NONE) {
            return null;
        }
        if (v instanceof DType d) {
            return d;
        }
        throw PyError.type(function + "(): argument '" + name + "' must be torch.dtype, not " + Values.typeName(v));
    }

    public String string(int index, String name, String fallback) {
        Object v = get(index, name, fallback);
        if (v instanceof String s) {
            return s;
        }
        throw PyError.type(function + "(): argument '" + name + "' must be str, not " + Values.typeName(v));
    }
}
