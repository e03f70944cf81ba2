package org.gradviz.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class WarningsTest {

    @Test
    void aWarningGoesToTheHandlerOfTheThreadThatRaisedItWhileAnotherThreadHasItsOwn() throws Exception {
        List<String> heardByA = new CopyOnWriteArrayList<>();
        List<String> heardByB = new CopyOnWriteArrayList<>();
        CountDownLatch bothInstalled = new CountDownLatch(2);
        CountDownLatch aWarned = new CountDownLatch(1);
        Thread a = new Thread(() -> withHandler(heardByA::add, () -> {
            await(bothInstalled);
            Warnings.warn("from a");
            aWarned.countDown();
        }, bothInstalled));
        Thread b = new Thread(() -> withHandler(heardByB::add, () -> {
            await(bothInstalled);
            await(aWarned);
            Warnings.warn("from b");
        }, bothInstalled));
        a.start();
        b.start();
        a.join();
        b.join();
        assertEquals(List.of("from a"), heardByA);
        assertEquals(List.of("from b"), heardByB);
    }

    @Test
    void aThreadWithoutAHandlerDropsItsWarningsWhileAnotherThreadHasOne() throws Exception {
        List<String> heard = new CopyOnWriteArrayList<>();
        Consumer<String> previous = Warnings.setHandler(heard::add);
        try {
            Thread other = new Thread(() -> Warnings.warn("elsewhere"));
            other.start();
            other.join();
            Warnings.warn("here");
        } finally {
            Warnings.setHandler(previous);
        }
        assertEquals(List.of("here"), heard);
    }

    private static void withHandler(Consumer<String> handler, Runnable body, CountDownLatch installed) {
        Consumer<String> previous = Warnings.setHandler(handler);
        installed.countDown();
        try {
            body.run();
        } finally {
            Warnings.setHandler(previous);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
