package org.gradviz.engine;

/**
 * An error PyTorch would raise, with the Python exception type it raises it as
 * ({@code RuntimeError}, {@code ValueError}, ...) and PyTorch's exact message.
 */
public class TorchException extends RuntimeException {
    private final String pythonType;

    public TorchException(String pythonType, String message) {
        super(message);
        this.pythonType = pythonType;
    }

    public static TorchException runtime(String message) {
        return new TorchException("RuntimeError", message);
    }

    public static TorchException value(String message) {
        return new TorchException("ValueError", message);
    }

    public static TorchException index(String message) {
        return new TorchException("IndexError", message);
    }

    public static TorchException type(String message) {
        return new TorchException("TypeError", message);
    }

    /** The Python exception class name, e.g. {@code RuntimeError}. */
    public String pythonType() {
        return pythonType;
    }

    /** The last line of a Python traceback: {@code RuntimeError: message}. */
    public String pythonLine() {
        return pythonType + ": " + getMessage();
    }
}
