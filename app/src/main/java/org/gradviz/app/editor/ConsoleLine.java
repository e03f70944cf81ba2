package org.gradviz.app.editor;

/** One line of the console: what was asked ({@code >>> loss.backward()}), what came back, or an error. */
public record ConsoleLine(Kind kind, String text) {

    public enum Kind { COMMAND, OUTPUT, ERROR, NOTE }

    public static ConsoleLine command(String text) {
        return new ConsoleLine(Kind.COMMAND, ">>> " + text);
    }

    public static ConsoleLine output(String text) {
        return new ConsoleLine(Kind.OUTPUT, text);
    }

    public static ConsoleLine error(String text) {
        return new ConsoleLine(Kind.ERROR, text);
    }

    public static ConsoleLine note(String text) {
        return new ConsoleLine(Kind.NOTE, "# " + text);
    }
}
