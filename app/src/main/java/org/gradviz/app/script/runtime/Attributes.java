package org.gradviz.app.script.runtime;

import java.util.ArrayList;
import java.util.List;
import org.gradviz.engine.Node;
import org.gradviz.engine.Tensor;

/** {@code object.name} for every kind of value; only the members listed here exist. */
final class Attributes {

    private Attributes() {
    }

    static Object get(Object object, String name) {
        if (object instanceof Tensor t) {
            return TensorMembers.get(t, name);
        }
        if (object instanceof HasAttributes h) {
            Object v = h.attribute(name);
            if (v != null) {
                return v;
            }
            if (object instanceof PyModule m) {
                throw missing(m.name(), "module '" + m.name() + "'", name);
            }
            if (object instanceof PyClass c) {
                throw PyError.attribute("type object '" + c.name() + "' has no attribute '" + name + "'");
            }
        } else if (object instanceof Node n) {
            return TensorMembers.nodeMember(n, name);
        } else if (object instanceof List<?> list) {
            Object v = listMethod(list, name);
            if (v != null) {
                return v;
            }
        } else if (object instanceof PyDict d) {
            Object v = DictMethods.get(d, name);
            if (v != null) {
                return v;
            }
        } else if (object instanceof PyFunction f && name.equals("__name__")) {
            return f.name();
        } else if (object instanceof Builtin b && name.equals("__name__")) {
            return b.name();
        } else if (object instanceof String s) {
            Object v = stringMethod(s, name);
            if (v != null) {
                return v;
            }
        } else if (object instanceof Double d && name.equals("is_integer")) {
            return new Builtin(name, a -> Double.isFinite(d) && d == Math.rint(d));
        }
        throw PyError.attribute("'" + Values.typeName(object) + "' object has no attribute '" + name + "'");
    }

    /**
     * The error for a member {@code owner} lacks: "not supported by gradviz" when real PyTorch has it (recorded in
     * {@link PyTorchNames}), else Python's AttributeError ({@code what} names the object: {@code module 'torch'}).
     */
    static RuntimeException missing(String owner, String what, String name) {
        if (PyTorchNames.has(owner, name)) {
            return new Unsupported("'" + owner + "." + name + "'");
        }
        return PyError.attribute(what + " has no attribute '" + name + "'");
    }

    @SuppressWarnings("unchecked")
    private static Object listMethod(List<?> list, String name) {
        List<Object> items = (List<Object>) list;
        return switch (name) {
            case "append" -> new Builtin(name, a -> {
                items.add(a.accept(1).get(0, "object"));
                return PyNone.NONE;
            });
            case "extend" -> new Builtin(name, a -> {
                items.addAll(Iteration.items(a.accept(1).get(0, "iterable")));
                return PyNone.NONE;
            });
            case "pop" -> new Builtin(name, a -> {
                if (items.isEmpty()) {
                    throw PyError.index("pop from empty list");
                }
                Object i = a.size() == 0 ? (Object) (-1L) : a.accept(1).get(0, "index");
                if (!Values.isInteger(i)) {
                    throw PyError.type("'" + Values.typeName(i) + "' object cannot be interpreted as an integer");
                }
                Ints.ssize(i);
                return items.remove(Subscripts.position(i, items.size(), "pop"));
            });
            default -> null;
        };
    }

    private static Object stringMethod(String s, String name) {
        return switch (name) {
            case "join" -> new Builtin(name, a -> {
                List<String> parts = new ArrayList<>();
                for (Object x : Iteration.items(a.accept(1).get(0, "iterable"))) {
                    if (!(x instanceof String str)) {
                        throw PyError.type("sequence item " + parts.size() + ": expected str instance, "
                                + Values.typeName(x) + " found");
                    }
                    parts.add(str);
                }
                return String.join(s, parts);
            });
            case "upper" -> new Builtin(name, a -> s.toUpperCase());
            case "lower" -> new Builtin(name, a -> s.toLowerCase());
            case "strip" -> new Builtin(name, a -> s.strip());
            case "format" -> new Builtin(name, a -> StrFormat.format(s, a));
            case "startswith" -> new Builtin(name, a -> s.startsWith(a.accept(1).string(0, "prefix", "")));
            case "endswith" -> new Builtin(name, a -> s.endsWith(a.accept(1).string(0, "suffix", "")));
            case "replace" -> new Builtin(name, a -> s.replace(a.accept(2).string(0, "old", ""),
                    a.string(1, "new", "")));
            case "split" -> new Builtin(name, a -> {
                Object sep = a.accept(1, "sep").get(0, "sep", PyNone.NONE);
                List<Object> parts = new ArrayList<>();
                if (sep == PyNone.NONE) {
                    for (String part : s.strip().split("\\s+")) {
                        if (!part.isEmpty()) {
                            parts.add(part);
                        }
                    }
                } else {
                    String separator = a.string(0, "sep", " ");
                    if (separator.isEmpty()) {
                        throw PyError.value("empty separator");
                    }
                    parts.addAll(List.of(s.split(java.util.regex.Pattern.quote(separator), -1)));
                }
                return parts;
            });
            default -> null;
        };
    }
}
