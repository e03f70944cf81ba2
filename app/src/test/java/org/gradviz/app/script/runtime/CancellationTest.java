package org.gradviz.app.script.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.gradviz.app.script.ScriptCancelledException;
import org.gradviz.app.script.syntax.ScriptParser;
import org.gradviz.engine.GradMode;
import org.junit.jupiter.api.Test;

/** Interrupting the thread a program runs on stops it at its next statement, whatever the program does. */
class CancellationTest {

    /** 10^14 iterations: days of running, as good as never-ending ({@code while} is outside the subset). */
    private static final String RUNAWAY = """
            print("started")
            for i in range(10000000):
                for j in range(10000000):
                    pass
            """;

    /** A program running on a thread of its own; {@code started} opens at its first {@code print}. */
    private static final class Run {
        final CountDownLatch started = new CountDownLatch(1);
        final AtomicReference<RuntimeException> thrown = new AtomicReference<>();
        final AtomicBoolean gradModeAfter = new AtomicBoolean();
        final Thread thread;

        Run(String source) {
            PrintStream out = new PrintStream(new OutputStream() {
                @Override
                public void write(int b) {
                    started.countDown();
                }
            });
            thread = new Thread(() -> {
                try {
                    new Interpreter(out, () -> { }).run(ScriptParser.parse(source));
                } catch (RuntimeException e) {
                    thrown.set(e);
                }
                gradModeAfter.set(GradMode.isEnabled());
            }, "cancellation-test");
            thread.setDaemon(true);
            thread.start();
        }

        /** Interrupts once the program has started, and waits for the thread to end. */
        void interruptAndJoin() throws InterruptedException {
            assertTrue(started.await(5, TimeUnit.SECONDS), "the program did not start");
            thread.interrupt();
            thread.join(TimeUnit.SECONDS.toMillis(1));
            assertFalse(thread.isAlive(), "still running a second after the interrupt");
        }
    }

    @Test
    void aRunawayLoopStopsWithinASecondOfTheInterrupt() throws InterruptedException {
        Run run = new Run(RUNAWAY);

        run.interruptAndJoin();

        assertInstanceOf(ScriptCancelledException.class, run.thrown.get());
    }

    @Test
    void cancellationIsNoPythonErrorEvenDeepInAFunctionUnderNoGrad() throws InterruptedException {
        Run run = new Run("""
                import torch
                def spin(n):
                    for i in range(n):
                        for j in range(n):
                            x = i * j
                    return x
                with torch.no_grad():
                    print("started")
                    y = spin(10000000)
                """);

        run.interruptAndJoin();

        // not turned into a PyError (SystemError, RuntimeError) on the way out of spin and the with block
        assertEquals(ScriptCancelledException.class, run.thrown.get().getClass());
        assertTrue(run.gradModeAfter.get(), "leaving the with block by cancellation must restore grad mode");
    }

    @Test
    void aRunOnAThreadInterruptedBeforeItStartsRunsNothing() {
        StringBuilder printed = new StringBuilder();
        PrintStream out = new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                printed.append((char) b);
            }
        }, true);
        Thread.currentThread().interrupt();
        try {
            assertThrows(ScriptCancelledException.class,
                    () -> new Interpreter(out, () -> { }).run(ScriptParser.parse("print('ran')\n")));
        } finally {
            Thread.interrupted();
        }
        assertEquals("", printed.toString());
    }
}
