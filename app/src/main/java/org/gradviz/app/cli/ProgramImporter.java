package org.gradviz.app.cli;

import java.nio.file.Path;
import java.util.List;
import org.gradviz.app.bridge.DocumentFiles;
import org.gradviz.app.bridge.ScriptImportException;
import org.gradviz.app.document.GraphDocument;

/** Turns a {@code .py} program into a network document, for the network view of a program. */
@FunctionalInterface
interface ProgramImporter {

    /** The program as a document; throws {@link BadInput} or a DocumentException naming what it cannot import. */
    GraphDocument importProgram(Path program);

    /** The script importer; its problems (one per line) become one line: the first and how many more. */
    ProgramImporter SCRIPT = program -> {
        try {
            return DocumentFiles.read(program);
        } catch (ScriptImportException e) {
            List<String> lines = e.getMessage().lines().toList();
            throw new BadInput(lines.get(0) + (lines.size() > 1 ? " (and " + (lines.size() - 1) + " more)" : ""));
        }
    };
}
