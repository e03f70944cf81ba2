package org.gradviz.app.cli;

/** Exit codes shared by all subcommands. */
final class ExitCode {

    static final int OK = 0;
    /** Something went wrong that is not the user's input (layout failed, file not writable). */
    static final int FAILED = 1;
    /** Bad input from the user: a missing file, a wrong option (picocli uses 2 for the latter too). */
    static final int USAGE = 2;
    /** No display to open the main window on. */
    static final int NO_WINDOW = 3;

    private ExitCode() {
    }
}
