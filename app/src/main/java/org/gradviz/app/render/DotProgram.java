package org.gradviz.app.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The {@code dot} program on the PATH, run once per picture: DOT on its standard input, the result on its
 * standard output. Needs no shared state, so it can be used beside the embedded engine.
 */
final class DotProgram implements GraphvizRunner {
    private static final long TIMEOUT_SECONDS = 120;

    @Override
    public String render(String dot, String format) {
        Process process;
        try {
            process = new ProcessBuilder("dot", "-T" + format).start();
        } catch (IOException e) {
            throw new RenderException("cannot start Graphviz's dot program: " + e.getMessage()
                    + "; install graphviz or use the embedded engine", e);
        }
        CompletableFuture<byte[]> out = readAll(process.getInputStream());
        CompletableFuture<byte[]> err = readAll(process.getErrorStream());
        try (OutputStream in = process.getOutputStream()) {
            in.write(dot.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // dot stopped reading early; its exit status and stderr say why
        }
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new RenderException("Graphviz (dot) took more than " + TIMEOUT_SECONDS + " s; the graph is too big");
            }
            if (process.exitValue() != 0) {
                String message = new String(err.join(), StandardCharsets.UTF_8).lines().findFirst().orElse("");
                throw new RenderException("Graphviz (dot) failed: " + message);
            }
            return new String(out.join(), StandardCharsets.UTF_8);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new RenderException("interrupted while Graphviz was laying out the graph", e);
        }
    }

    private static CompletableFuture<byte[]> readAll(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream; ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
                stream.transferTo(bytes);
                return bytes.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Override
    public void close() {
        // nothing kept between pictures
    }
}
