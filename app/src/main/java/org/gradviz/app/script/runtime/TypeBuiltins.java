package org.gradviz.app.script.runtime;

import java.util.List;
import java.util.Map;

/**
 * The builtins about types and classes: {@code isinstance}, {@code type}, {@code getattr}/{@code hasattr}/{@code setattr},
 * {@code callable}, {@code dict}, {@code object}, exceptions.
 */
final class TypeBuiltins {

    private TypeBuiltins() {
    }

    /**
     * {@code dict(...)}, {@code OrderedDict(...)} and {@code d.update(...)}: {@code d} filled from a mapping or pairs,
     * then the keywords.
     */
    static PyDict filled(PyDict d, String name, Args a) {
        if (a.size() > 1) {
            throw PyError.type(name + " expected at most 1 argument, got " + a.size());
        }
        if (a.has(0, null)) {
            d.update(a.positional().get(0));
        }
        a.keywords().forEach(d::put);
        return d;
    }

    static void addTo(Map<String, Object> m) {
        m.put("object", ExceptionTypes.OBJECT);
        m.putAll(ExceptionTypes.all());
        m.put("__name__", "__main__");
        m.put("dict", new Builtin("dict", a -> filled(new PyDict(), "dict", a)));
        m.put("set", new Builtin("set", a -> a.size() == 0 ? new PySet(List.of())
                : PySet.of(a.accept(1).get(0, "iterable"))));
        m.put("isinstance", new Builtin("isinstance", a -> {
            a.accept(2);
            return isInstance(a.get(0, "obj"), a.get(1, "class_or_tuple"));
        }));
        m.put("getattr", new Builtin("getattr", a -> {
            if (a.size() < 2 || a.size() > 3) {
                throw PyError.type("getattr expected 2 or 3 arguments, got " + a.size());
            }
            try {
                return Attributes.get(a.get(0, "object"), attributeName(a));
            } catch (PyError e) {
                if (a.size() == 3 && e.pythonType().equals("AttributeError")) {
                    return a.get(2, "default");
                }
                throw e;
            }
        }));
        m.put("hasattr", new Builtin("hasattr", a -> {
            a.accept(2);
            try {
                Attributes.get(a.get(0, "obj"), attributeName(a));
                return true;
            } catch (PyError e) {
                if (e.pythonType().equals("AttributeError")) {
                    return false;
                }
                throw e;
            }
        }));
        m.put("setattr", new Builtin("setattr", a -> {
            a.accept(3);
            Object target = a.get(0, "obj");
            if (!(target instanceof PyInstance i)) {
                throw new Unsupported("'setattr' on a " + Values.typeName(target));
            }
            i.set(attributeName(a), a.get(2, "value"));
            return PyNone.NONE;
        }));
        m.put("callable", new Builtin("callable", a -> {
            Object v = a.accept(1).get(0, "obj");
            return v instanceof PyCallable || v instanceof PyInstance i && i.attribute("__call__") instanceof PyCallable;
        }));
        Map<String, BuiltinType> madeTypes = new java.util.HashMap<>();
        m.put("type", new Builtin("type", a -> {
            Object v = a.accept(1).get(0, "object");
            if (v instanceof PyInstance i) {
                return i.cls();
            }
            if (v instanceof org.gradviz.engine.Tensor && !NnParameter.is(v)) {
                return TensorType.TENSOR;
            }
            // NOTE: a builtin that is a class in Python (int, list, zip) is of class type
            String name = v instanceof Builtin b && b.toString().startsWith("<class ") ? "type" : Values.typeName(v);
            Object builtin = m.get(name);
            return builtin != null ? builtin : madeTypes.computeIfAbsent(name, BuiltinType::new);
        }));
    }

    private static String attributeName(Args a) {
        if (!(a.get(1, "name") instanceof String name)) {
            throw PyError.type("attribute name must be string, not '" + Values.typeName(a.get(1, "name")) + "'");
        }
        return name;
    }

    private static boolean isInstance(Object v, Object type) {
        if (type instanceof PyTuple t) {
            return t.items().stream().anyMatch(x -> isInstance(v, x));
        }
        if (type instanceof TensorType) {
            return v instanceof org.gradviz.engine.Tensor;
        }
        if (type instanceof LegacyTensorClass c) {
            return c.isInstance(v);
        }
        if (type instanceof BuiltinType t) {
            return Values.typeName(v).equals(t.name());
        }
        if (type instanceof PyClass c) {
            return c == ExceptionTypes.OBJECT || v instanceof PyInstance i && i.cls().isSubclassOf(c);
        }
        if (type instanceof Builtin b) {
            return switch (b.name()) {
                case "int" -> Values.isInteger(v);
                case "float" -> v instanceof Double;
                case "bool" -> v instanceof Boolean;
                case "str" -> v instanceof String;
                case "list" -> v instanceof List<?>;
                case "tuple" -> v instanceof PyTuple;
                case "dict" -> v instanceof PyDict;
                case "set" -> v instanceof PySet;
                case "range" -> v instanceof PyRange;
                case "Parameter" -> NnParameter.is(v);
                default -> throw notAType();
            };
        }
        throw notAType();
    }

    private static PyError notAType() {
        return PyError.type("isinstance() arg 2 must be a type, a tuple of types, or a union");
    }
}
