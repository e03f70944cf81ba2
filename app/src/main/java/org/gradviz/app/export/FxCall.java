package org.gradviz.app.export;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import javafx.application.Platform;

/** Runs a short piece of work on the FX thread and waits for its result, from a worker thread. */
final class FxCall {
    private FxCall() {
    }

    static <T> T onFx(Callable<T> work) throws InterruptedException {
        if (Platform.isFxApplicationThread()) {
            throw new IllegalStateException("FxCall.onFx waits for the FX thread: call it from a worker thread");
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Exception | Error e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }
}
