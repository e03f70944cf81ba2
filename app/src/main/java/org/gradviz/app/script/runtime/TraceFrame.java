package org.gradviz.app.script.runtime;

/** One line of a traceback: the function ({@code <module>} at top level) and the line it was running. */
public record TraceFrame(String function, int line) {
}
