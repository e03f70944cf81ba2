package org.gradviz.app.script.runtime;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code object} and Python's builtin exception classes, with their real bases, so that {@code except
 * ArithmeticError} catches a ZeroDivisionError. An error gradviz raises by type name is an instance of one of them.
 */
final class ExceptionTypes {

    static final PyClass OBJECT = new PyClass("object", "builtins", null);
    private static final Map<String, PyClass> CLASSES = new LinkedHashMap<>();
    static final PyClass BASE_EXCEPTION = define("BaseException", OBJECT);
    static final PyClass EXCEPTION = define("Exception", BASE_EXCEPTION);
    static final PyClass KEY_ERROR;
    /** {@code SystemExit}, which {@code sys.exit} raises: its {@code code} is the exit status or message. */
    static final PyClass SYSTEM_EXIT;
    /** {@code object.__setattr__}: the attribute stored in the instance itself. */
    static final Builtin OBJECT_SETATTR = new Builtin("__setattr__", a -> {
        a.accept(3);
        if (!(a.get(1, "name") instanceof String name)) {
            throw PyError.type("attribute name must be string, not '" + Values.typeName(a.get(1, "name")) + "'");
        }
        if (!(a.get(0, "self") instanceof PyInstance self)) {
            throw new Unsupported("object.__setattr__ of a " + Values.typeName(a.get(0, "self")));
        }
        self.setOwn(name, a.get(2, "value"));
        return PyNone.NONE;
    });

    static {
        OBJECT.define("__init__", new Builtin("__init__", a -> {
            PyInstance self = (PyInstance) a.positional().get(0);
            if (a.size() > 1 || !a.keywords().isEmpty()) {
                throw PyError.type(self.cls().name() + "() takes no arguments");
            }
            return PyNone.NONE;
        }));
        OBJECT.define("__setattr__", OBJECT_SETATTR);
        OBJECT.define("__delattr__", new Builtin("__delattr__", a -> {
            a.accept(2);
            if (!(a.get(1, "name") instanceof String name)) {
                throw PyError.type("attribute name must be string, not '" + Values.typeName(a.get(1, "name")) + "'");
            }
            Deletion.plainAttribute(a.get(0, "self"), name);
            return PyNone.NONE;
        }));
        BASE_EXCEPTION.define("__init__", new Builtin("__init__", a -> {
            PyInstance self = (PyInstance) a.positional().get(0);
            if (!a.keywords().isEmpty()) {
                throw PyError.type(self.cls().name() + "() takes no keyword arguments");
            }
            // NOTE: CPython's BaseException.__init__ stores args itself, never through a __setattr__
            self.setOwn("args", new PyTuple(a.positional().subList(1, a.size())));
            return PyNone.NONE;
        }));
        PyClass arithmetic = define("ArithmeticError", EXCEPTION);
        define("ZeroDivisionError", arithmetic);
        define("OverflowError", arithmetic);
        PyClass lookup = define("LookupError", EXCEPTION);
        define("IndexError", lookup);
        KEY_ERROR = define("KeyError", lookup);
        define("ValueError", EXCEPTION);
        define("TypeError", EXCEPTION);
        define("AttributeError", EXCEPTION);
        define("AssertionError", EXCEPTION);
        define("StopIteration", EXCEPTION);
        PyClass runtime = define("RuntimeError", EXCEPTION);
        define("NotImplementedError", runtime);
        define("RecursionError", runtime);
        PyClass name = define("NameError", EXCEPTION);
        define("UnboundLocalError", name);
        PyClass importError = define("ImportError", EXCEPTION);
        define("ModuleNotFoundError", importError);
        define("SystemError", EXCEPTION);
        define("MemoryError", EXCEPTION);
        PyClass warning = define("Warning", EXCEPTION);
        define("UserWarning", warning);
        define("KeyboardInterrupt", BASE_EXCEPTION);
        SYSTEM_EXIT = define("SystemExit", BASE_EXCEPTION);
        SYSTEM_EXIT.define("__init__", new Builtin("__init__", a -> {
            PyInstance self = (PyInstance) a.positional().get(0);
            if (!a.keywords().isEmpty()) {
                throw PyError.type("SystemExit() takes no keyword arguments");
            }
            withArgs(self, a.positional().subList(1, a.size()));
            return PyNone.NONE;
        }));
    }

    /**
     * Sets {@code e.args}; a SystemExit's {@code code} too: None without arguments, the argument, or all of them as
     * a tuple.
     */
    private static PyInstance withArgs(PyInstance e, List<Object> args) {
        e.set("args", new PyTuple(args));
        if (e.cls().isSubclassOf(SYSTEM_EXIT)) {
            e.set("code", args.isEmpty() ? PyNone.NONE : args.size() == 1 ? args.get(0) : new PyTuple(args));
        }
        return e;
    }

    private ExceptionTypes() {
    }

    private static PyClass define(String name, PyClass base) {
        PyClass c = new PyClass(name, "builtins", base);
        CLASSES.put(name, c);
        return c;
    }

    /** The classes a program sees as builtins, by name. */
    static Map<String, PyClass> all() {
        return CLASSES;
    }

    /** The builtin class of an error gradviz raises by name (an unknown name counts as an Exception). */
    static PyClass named(String name) {
        PyClass c = CLASSES.get(name);
        return c != null ? c : new PyClass(name, "builtins", EXCEPTION);
    }

    static boolean isException(PyInstance i) {
        return i.cls().isSubclassOf(BASE_EXCEPTION);
    }

    /** An instance of a builtin exception class with the given arguments. */
    static PyInstance instance(PyClass cls, List<Object> args) {
        return withArgs(new PyInstance(cls), args);
    }

    /** {@code str(e)} of an exception without a {@code __str__} of its own. */
    static String str(PyInstance e) {
        List<Object> args = args(e);
        if (args.isEmpty()) {
            return "";
        }
        if (args.size() == 1) {
            return e.cls().isSubclassOf(KEY_ERROR) ? Values.repr(args.get(0)) : Values.str(args.get(0));
        }
        return Values.repr(new PyTuple(args));
    }

    /** {@code repr(e)}: {@code ValueError('message')}. */
    static String repr(PyInstance e) {
        StringBuilder sb = new StringBuilder(e.cls().name()).append('(');
        List<Object> args = args(e);
        for (int i = 0; i < args.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(Values.repr(args.get(i)));
        }
        return sb.append(')').toString();
    }

    private static List<Object> args(PyInstance e) {
        return e.attribute("args") instanceof PyTuple t ? t.items() : List.of();
    }
}
