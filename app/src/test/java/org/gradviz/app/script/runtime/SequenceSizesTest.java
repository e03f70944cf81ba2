package org.gradviz.app.script.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Repetitions whose size is checked before any work. CPython 3.11 under a 3 GB address-space limit
 * ({@code ulimit -v 3000000}) gives MemoryError for each of these sizes (bytes: 8 per list slot, 1 per char), and
 * this JVM's heap holds none of them either; the programs with the same sizes in fixtures/python/programs are
 * p19_sequence_sizes, p20_memory_error and p21_memory_error_str.
 */
class SequenceSizesTest {

    private static ScriptRun run(String source) {
        return assertTimeoutPreemptively(Duration.ofSeconds(20), () -> ScriptRun.of(source));
    }

    @Test
    void billionItemListIsMemoryErrorAtOnce() {
        assertEquals("MemoryError", run("x = [0] * 10**9\n").lastErrLine());
    }

    @Test
    void tenGigabyteStringIsMemoryErrorNotAnInternalError() {
        assertEquals("MemoryError", run("s = 'a' * 10**10\n").lastErrLine());
    }

    @Test
    void tenBillionItemTupleIsMemoryError() {
        assertEquals("MemoryError", run("t = (1,) * 10**10\n").lastErrLine());
    }

    @Test
    void emptyListTimesAHugeCountIsEmptyAtOnce() {
        assertEquals("[] ()\n", run("print([] * 10**18, () * 10**18)\n").out());
    }
}
