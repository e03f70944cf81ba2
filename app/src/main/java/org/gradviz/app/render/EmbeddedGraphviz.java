package org.gradviz.app.render;

import guru.nidi.graphviz.engine.Format;
import guru.nidi.graphviz.engine.Graphviz;
import guru.nidi.graphviz.engine.GraphvizV8Engine;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * viz.js in graphviz-java's J2V8 engine. graphviz-java keeps one engine for the process and V8 must stay on
 * the thread that made it, so every call runs on one dedicated daemon thread, where the engine is set up
 * once (about a second); its native library is extracted to gradviz's cache folder ({@link NativeLibraryFolder}).
 */
final class EmbeddedGraphviz implements GraphvizRunner {
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "gradviz-graphviz");
        t.setDaemon(true);
        return t;
    });

    EmbeddedGraphviz(Path cacheFolder) {
        Path dir = NativeLibraryFolder.choose(cacheFolder);
        call(() -> {
            J2v8Library.preload(dir);
            Graphviz.useEngine(new GraphvizV8Engine(dir.toString()));
            return null;
        });
    }

    @Override
    public String render(String dot, String format) {
        Format f = format.equals("svg") ? Format.SVG : Format.JSON;
        return call(() -> Graphviz.fromString(GraphvizFontNames.forEmbeddedEngine(dot)).render(f).toString());
    }

    private <T> T call(Callable<T> task) {
        Future<T> result = thread.submit(task);
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RenderException("interrupted while Graphviz was laying out the graph", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new RenderException("Graphviz (embedded) failed: " + (cause.getMessage() == null ? cause.toString()
                    : cause.getMessage().lines().findFirst().orElse("")), cause);
        }
    }

    @Override
    public void close() {
        thread.submit(Graphviz::releaseEngine);
        thread.shutdown();
    }
}
