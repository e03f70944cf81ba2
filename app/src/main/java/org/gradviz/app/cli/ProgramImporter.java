package org.gradviz.app.cli;

import java.nio.file.Path;
import org.gradviz.app.document.GraphDocument;

/**
 * Turns a {@code .py} program into a network document, for the network view of a program. The importer
 * (py to GraphDocument) is written apart; until it is plugged in here (ExportCommand's {@code importer}), the
 * network view of a program is refused in one line.
 */
@FunctionalInterface
interface ProgramImporter {

    /** The program as a document; throws {@link BadInput} or a DocumentException naming what it cannot import. */
    GraphDocument importProgram(Path program);

    ProgramImporter NOT_AVAILABLE = program -> {
        throw new BadInput("network view of a .py program needs the script importer (py to document), which this"
                + " gradviz does not have yet; export " + program.getFileName() + " with --view autograd, or export"
                + " the equivalent .json document");
    };
}
