package org.gradviz.app.script.runtime;

import java.util.List;

/**
 * A Python exception raised while a program runs: its type ({@code TypeError}), its message, and once it has
 * left the statement that raised it, the call stack at that moment for the traceback.
 */
public final class PyError extends RuntimeException {

    private final String pythonType;
    private List<TraceFrame> traceback;
    /** The exception object a program sees in {@code except E as e}; made when first asked for. */
    private PyInstance exception;

    public PyError(String pythonType, String message) {
        super(message, null, false, false);
        this.pythonType = pythonType;
    }

    public static PyError type(String message) {
        return new PyError("TypeError", message);
    }

    public static PyError value(String message) {
        return new PyError("ValueError", message);
    }

    public static PyError attribute(String message) {
        return new PyError("AttributeError", message);
    }

    public static PyError zeroDivision(String message) {
        return new PyError("ZeroDivisionError", message);
    }

    public static PyError index(String message) {
        return new PyError("IndexError", message);
    }

    /** The error {@code raise e} raises: an instance of a builtin exception class or of the program's own. */
    static PyError raised(PyInstance e) {
        PyError error = new PyError(e.cls().name(), Values.str(e));
        error.exception = e;
        return error;
    }

    /** An error of a class gradviz defines outside builtins, printed under its qualified name. */
    static PyError ofClass(PyClass cls, String printedName, String message) {
        PyError error = new PyError(printedName, message);
        error.exception = ExceptionTypes.instance(cls, List.of(message));
        return error;
    }

    /** The exception object, e.g. the ValueError instance whose {@code args} is the message. */
    PyInstance exception() {
        if (exception == null) {
            String message = getMessage();
            exception = ExceptionTypes.instance(ExceptionTypes.named(pythonType),
                    message == null || message.isEmpty() ? List.of() : List.of(message));
        }
        return exception;
    }

    public String pythonType() {
        return pythonType;
    }

    /** The last line of the traceback, as Python prints it: {@code TypeError: message}. */
    public String pythonLine() {
        String message = getMessage();
        return message == null || message.isEmpty() ? pythonType : pythonType + ": " + message;
    }

    public boolean hasTraceback() {
        return traceback != null;
    }

    /** The frames, outermost first; empty until the error leaves its statement. */
    public List<TraceFrame> traceback() {
        return traceback == null ? List.of() : traceback;
    }

    void setTraceback(List<TraceFrame> frames) {
        this.traceback = List.copyOf(frames);
    }
}
