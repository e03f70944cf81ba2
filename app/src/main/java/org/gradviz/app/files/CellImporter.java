package org.gradviz.app.files;

import org.gradviz.app.document.GraphDocument;

/**
 * Turns a PyTorch notebook cell into the network it builds. The real importer runs the cell on the
 * gradviz engine; this seam lets the file actions and the paste dialog work (and be tested) without it.
 * An importer either returns the whole network or refuses the cell: nothing is half-imported. It may take
 * long, so {@link CellImportRunner} calls it off the FX thread and interrupts it to cancel.
 */
@FunctionalInterface
public interface CellImporter {

    /** Until the script importer is wired in: refuses every cell, saying so. */
    CellImporter UNAVAILABLE = (source, fileName) -> {
        throw new CellImportException(
                CellImportException.Problem.whole("importing PyTorch cells is not available in this build"));
    };

    /**
     * The network {@code source} builds.
     *
     * @param fileName the name shown in messages ({@code cell.py}, or {@code <pasted cell>})
     * @throws CellImportException naming each unsupported line, when the cell cannot be imported
     * @throws InterruptedException when the thread was interrupted before the cell finished: nothing imported
     */
    GraphDocument importCell(String source, String fileName) throws CellImportException, InterruptedException;
}
