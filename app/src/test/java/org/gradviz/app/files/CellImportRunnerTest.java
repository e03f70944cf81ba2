package org.gradviz.app.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.gradviz.app.document.GraphDocument;
import org.gradviz.app.document.Examples;
import org.junit.jupiter.api.Test;

/** Cells imported by the real importer on the runner's thread, outcomes taken on a fake FX thread. */
class CellImportRunnerTest {
    /** 10^14 iterations: as good as never-ending ({@code while} is outside the subset). */
    static final String RUNAWAY = "import torch\nfor i in range(10000000):\n    for j in range(10000000):\n"
            + "        pass\n";

    private final FxQueue fxThread = new FxQueue();
    private final CellImportRunner runner = new CellImportRunner(new ScriptCellImporter(), fxThread);
    private final AtomicReference<CellImportRunner.Outcome> outcome = new AtomicReference<>();
    private final AtomicReference<Thread> deliveredOn = new AtomicReference<>();

    private void start(String source, String name) {
        assertTrue(runner.start(source, name, o -> {
            outcome.set(o);
            deliveredOn.set(Thread.currentThread());
        }));
    }

    @Test
    void cellImportsOnItsOwnThreadAndTheOutcomeComesBackOnTheFxThread() throws Exception {
        String source = java.nio.file.Files.readString(Examples.file("one-layer-bce.py"));
        start(source, "one-layer-bce.py");

        fxThread.runNext();

        GraphDocument document = assertInstanceOf(CellImportRunner.Outcome.Imported.class, outcome.get()).document();
        assertEquals(new ScriptCellImporter().importCell(source, "one-layer-bce.py"), document);
        assertSame(Thread.currentThread(), deliveredOn.get());
    }

    @Test
    void runawayCellStopsWithinASecondOfCancel() throws InterruptedException {
        start(RUNAWAY, "runaway.py");
        Thread.sleep(200);

        long cancelled = System.nanoTime();
        runner.cancel();
        fxThread.runNext();
        long tookMs = (System.nanoTime() - cancelled) / 1_000_000;

        // the outcome comes back only once the importer has returned: the cell has stopped
        assertEquals(new CellImportRunner.Outcome.Cancelled(), outcome.get());
        assertTrue(tookMs < 1000, "took " + tookMs + " ms");
    }

    @Test
    void asyncIsRefusedAtItsLineBeforeAnythingRuns() {
        start("import torch\nasync def f():\n    pass\n", "async.py");

        fxThread.runNext();

        CellImportRunner.Outcome.Refused refused =
                assertInstanceOf(CellImportRunner.Outcome.Refused.class, outcome.get());
        assertEquals(List.of(2), refused.reason().problems().stream().map(CellImportException.Problem::line).toList());
        assertTrue(refused.lines().get(0).startsWith("line 2: column 1: 'async' is not supported by gradviz"),
                refused.lines().toString());
    }
}
