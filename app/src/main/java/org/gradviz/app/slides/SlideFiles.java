package org.gradviz.app.slides;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.gradviz.app.render.GraphExporter;

/**
 * The pictures of every step of a pass, and a folder of them as numbered PNG files
 * ({@code step-00.png}, {@code step-01.png}, …) that appears only once every file is complete.
 */
public final class SlideFiles {
    private SlideFiles() {
    }

    /** The pictures of steps 0 to {@code lastStep}, step k drawn from {@code dotAt.apply(k)}. */
    public static List<BufferedImage> pictures(IntFunction<String> dotAt, int lastStep, GraphExporter exporter,
            Integer dpi) {
        List<BufferedImage> pictures = new ArrayList<>(lastStep + 1);
        for (int step = 0; step <= lastStep; step++) {
            pictures.add(exporter.image(dotAt.apply(step), dpi));
        }
        return pictures;
    }

    /** The file name of step {@code step} of {@code count} pictures: zero-padded to the width of {@code count}. */
    public static String frameName(int step, int count) {
        int width = Integer.toString(count).length();
        return String.format("step-%0" + width + "d.png", step);
    }

    /**
     * Writes {@code pictures} as PNG files into {@code folder} (made when missing; files of the same names
     * replaced): all are written into a new folder beside it first, then moved in, so a failure leaves no frames.
     */
    public static void writeFrames(List<BufferedImage> pictures, Integer dpi, Path folder) throws IOException {
        try {
            writeFrames(pictures.size(), step -> GraphExporter.png(pictures.get(step), dpi), folder);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing the frames", e);
        }
    }

    /** One frame's PNG bytes, made when it is written (a window's frames are pictured one at a time). */
    @FunctionalInterface
    public interface FrameSource {
        byte[] png(int step) throws IOException, InterruptedException;
    }

    /**
     * Writes {@code count} frames from {@code frames} into {@code folder} as {@link #writeFrames(List, Integer, Path)}
     * does: into a new folder beside it first, moved in only when all are written.
     */
    public static void writeFrames(int count, FrameSource frames, Path folder) throws IOException,
            InterruptedException {
        Path target = folder.toAbsolutePath().normalize();
        Path parent = target.getParent();
        Files.createDirectories(parent);
        Path staging = Files.createTempDirectory(parent, "." + target.getFileName() + ".");
        try {
            for (int step = 0; step < count; step++) {
                Files.write(staging.resolve(frameName(step, count)), frames.png(step));
            }
            moveInto(staging, target);
        } finally {
            deleteAll(staging);
        }
    }

    /** Renames {@code staging} to {@code target} when that is new, else moves its files in one by one. */
    private static void moveInto(Path staging, Path target) throws IOException {
        if (!Files.exists(target)) {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            return;
        }
        if (!Files.isDirectory(target)) {
            throw new IOException(target + " is a file, not a folder");
        }
        try (Stream<Path> files = Files.list(staging)) {
            for (Path file : files.sorted().toList()) {
                Files.move(file, target.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            }
        }
    }

    private static void deleteAll(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
