package org.gradviz.app.cli;

import java.nio.file.Path;
import java.util.Locale;
import org.gradviz.app.render.GraphOptions;

/** What {@code gradviz export} draws from: a {@code .json} document or a {@code .py} program, as DOT for either view. */
interface ExportInput {

    /** The options the input asks for itself (a document's view settings), before the command line's. */
    GraphOptions ownOptions();

    /** The autograd view of {@code root} (null for the input's default root). */
    String autogradDot(String root, GraphOptions options);

    /** The network view. */
    String networkDot(GraphOptions options);

    /** The autograd view of {@code root} (null for the default) at every step of the input's last backward pass. */
    BackwardSteps autogradSteps(String root, GraphOptions options);

    /** The network view at every step of the input's last backward pass. */
    BackwardSteps networkSteps(GraphOptions options);

    /** The input {@code file} is, picked by its extension; a document is read at once, a program run when drawn. */
    static ExportInput open(Path file, ProgramImporter importer) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".py")) {
            return new ProgramInput(file, importer);
        }
        if (name.endsWith(".json")) {
            return DocumentInput.read(file);
        }
        throw new BadInput(file + ": INPUT must be a .json document or a .py program");
    }
}
