package org.gradviz.app.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import picocli.CommandLine;

/** {@code gradviz ARGS} run in-process for the export tests: its exit code and what it wrote on stderr. */
record ExportRun(int exitCode, String err) {

    /** Runs the command line with {@code dir} as the place of the default document (none there). */
    static ExportRun of(Path dir, String... args) {
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine(document -> { }, dir.resolve("none.json"));
        cli.setOut(new PrintWriter(new StringWriter(), true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new ExportRun(code, err.toString());
    }
}
