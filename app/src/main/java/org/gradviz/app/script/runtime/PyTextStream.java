package org.gradviz.app.script.runtime;

import java.io.PrintStream;

/** {@code sys.stdout} or {@code sys.stderr}: a text stream a program writes with {@code write} or {@code print(file=)}.
 */
final class PyTextStream implements HasAttributes {
    private final String name;
    private final PrintStream stream;

    /** @param name Python's name of the stream, {@code <stdout>} */
    PyTextStream(String name, PrintStream stream) {
        this.name = name;
        this.stream = stream;
    }

    /** Writes text as Python's text stream does, unbuffered here. */
    void write(String text) {
        stream.print(text);
    }

    @Override
    public Object attribute(String attribute) {
        return switch (attribute) {
            case "write" -> new Builtin("write", a -> {
                a.accept(1);
                if (!(a.get(0, "s") instanceof String text)) {
                    throw PyError.type("write() argument must be str, not " + Values.typeName(a.get(0, "s")));
                }
                write(text);
                return (long) text.codePointCount(0, text.length());
            });
            case "flush" -> new Builtin("flush", a -> {
                a.accept(0);
                stream.flush();
                return PyNone.NONE;
            });
            default -> null;
        };
    }

    @Override
    public String typeName() {
        return "TextIOWrapper";
    }

    @Override
    public String toString() {
        return "<_io.TextIOWrapper name='" + name + "' mode='w' encoding='utf-8'>";
    }
}
