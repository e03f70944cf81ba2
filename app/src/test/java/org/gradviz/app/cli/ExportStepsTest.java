package org.gradviz.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.gradviz.app.document.Examples;
import org.gradviz.app.render.GifFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gradviz export INPUT --step N | --frames DIR | --gif OUT.gif}: slides of the input's last backward pass.
 * The seed network's backward has 18 steps (hand count: backward started; 6 nodes run, BCE, Add, AccumulateGrad b,
 * Squeeze, Mm, AccumulateGrad w; 5 gradients sent; 2 leaf grads accumulated; the retained grads of loss, z and xw
 * written; backward finished), so 19 pictures, steps 0 to 18. The program one-layer-bce.py retains no grad, so its
 * backward has 15 steps.
 */
class ExportStepsTest {
    private static final int SEED_STEPS = 18;
    private static final int PROGRAM_STEPS = 15;

    @TempDir
    Path dir;

    /** Everything the runs of one test wrote on stderr. */
    private final StringBuilder err = new StringBuilder();

    private int run(String... args) {
        ExportRun result = ExportRun.of(dir, args);
        err.append(result.err());
        return result.exitCode();
    }

    private String example(String name) {
        return Examples.file(name).toString();
    }

    private List<Path> filesIn(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }

    /** A picture that is not one flat colour. */
    private static void assertDrawn(BufferedImage image, String what) {
        assertTrue(image.getWidth() > 100 && image.getHeight() > 100, what + " is " + image.getWidth() + " x "
                + image.getHeight());
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertTrue(colours.size() > 2, what + " is blank");
    }

    @Test
    void stepZeroOfTheSeedNetworkShowsNoGradient() throws Exception {
        Path out = dir.resolve("s0.dot");
        assertEquals(0, run("export", example("one-layer-bce.json"), "--step", "0", "-o", out.toString()), err.toString());

        String dot = Files.readString(out);
        assertTrue(dot.contains("{ b (3) | data [0.1227, -0.5663, 0.3731] | grad None }"), dot);
        assertFalse(dot.contains("0.2661"), dot);
    }

    @Test
    void theLastStepOfAProgramShowsTheGradientsTorchPrinted() throws Exception {
        Path out = dir.resolve("last.dot");
        assertEquals(0, run("export", example("one-layer-bce.py"), "--step", Integer.toString(PROGRAM_STEPS), "-o",
                out.toString()), err.toString());

        String dot = Files.readString(out);
        // golden programs/v01_one_layer_seed0.out: print(b.grad) gave tensor([0.2661, 0.1179, 0.0027])
        assertTrue(dot.contains("{ b (3) | data [0.1227, -0.5663, 0.3731] | grad [0.2661, 0.1179, 0.0027] }"), dot);
        assertTrue(dot.contains("[0.2661, 0.1179, 0.0027]\\l[0.2661, 0.1179, 0.0027]\\l"), "w.grad's rows:\n" + dot);
    }

    @Test
    void theLastStepOfTheDocumentIsTodaysPictureWithValuesPlusTheStepMarks() throws Exception {
        Path today = dir.resolve("today.dot");
        Path last = dir.resolve("last.dot");
        assertEquals(0, run("export", example("one-layer-bce.json"), "--values", "-o", today.toString()));
        assertEquals(0, run("export", example("one-layer-bce.json"), "--step", Integer.toString(SEED_STEPS), "-o",
                last.toString()), err.toString());

        String withoutMarks = Files.readString(last)
                .replaceAll(" \\[label=\" [^\"]*\" fontname=monospace fontsize=9 color=\"#009e73\""
                        + " fontcolor=\"#009e73\" penwidth=2]", "")
                .replaceAll(" fillcolor=lightgrey color=\"#009e73\" penwidth=2", "");
        assertEquals(Files.readString(today), withoutMarks);
    }

    @Test
    void aStepOutOfRangeNamesTheRangeInOneLineAndWritesNothing() throws Exception {
        Path out = dir.resolve("s.png");
        assertEquals(2, run("export", example("one-layer-bce.json"), "--step", "19", "-o", out.toString()));

        assertTrue(err.toString().contains("--step 19 is out of range: loss.backward() has steps 0 to 18"),
                err.toString());
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        assertFalse(Files.exists(out));
    }

    @Test
    void framesWritesOnePngPerStepNumberedFromZero() throws Exception {
        Path frames = dir.resolve("slides/frames");
        Files.createDirectories(frames.getParent());
        assertEquals(0, run("export", example("one-layer-bce.json"), "--frames", frames.toString()), err.toString());

        List<Path> files = filesIn(frames);
        assertEquals(SEED_STEPS + 1, files.size(), files.toString());
        assertEquals("step-00.png", files.get(0).getFileName().toString());
        assertEquals("step-18.png", files.get(SEED_STEPS).getFileName().toString());
        for (Path file : files) {
            assertDrawn(ImageIO.read(file.toFile()), file.getFileName().toString());
        }
        assertEquals(List.of(frames), filesIn(frames.getParent()), "no staging folder is left beside");
    }

    @Test
    void gifHasOneFramePerStepLoopsForeverAndKeepsTheDelay() throws Exception {
        Path out = dir.resolve("pass.gif");
        assertEquals(0, run("export", example("one-layer-bce.json"), "--view", "network", "--gif", out.toString(),
                "--delay", "500"), err.toString());

        GifFile gif = GifFile.read(out);
        assertEquals(SEED_STEPS + 1, gif.frames().size());
        assertEquals(0, gif.loopCount(), "loops forever");
        assertTrue(gif.delaysCentis().stream().allMatch(d -> d == 50), gif.delaysCentis().toString());
        assertDrawn(gif.frames().get(0), "the first frame");
        int width = gif.frames().get(0).getWidth();
        assertTrue(gif.frames().stream().allMatch(f -> f.getWidth() == width), "one canvas for every frame");
    }

    @Test
    void theGifDelayIs800MillisecondsByDefault() throws Exception {
        Path out = dir.resolve("pass.gif");
        assertEquals(0, run("export", example("square.json"), "--gif", out.toString()), err.toString());

        assertTrue(GifFile.read(out).delaysCentis().stream().allMatch(d -> d == 80));
    }

    @Test
    void aProgramWithoutBackwardIsRefusedInOneLine() throws Exception {
        Path program = dir.resolve("forward.py");
        Files.writeString(program, "import torch\nw = torch.ones(3, requires_grad=True)\nloss = (w * 2).sum()\n");
        Path out = dir.resolve("a.gif");
        assertEquals(2, run("export", program.toString(), "--gif", out.toString()));

        assertTrue(err.toString().contains("forward.py has no backward pass to show"), err.toString());
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        assertFalse(Files.exists(out));
    }

    @Test
    void stepZeroOfAProgramShowsNoGradientAndItsLastStepIsTheLast() throws Exception {
        Path out = dir.resolve("s0.dot");
        assertEquals(0, run("export", example("one-layer-bce.py"), "--step", "0", "-o", out.toString()), err.toString());
        assertTrue(Files.readString(out).contains("{ b (3) | data [0.1227, -0.5663, 0.3731] | grad None }"));

        assertEquals(2, run("export", example("one-layer-bce.py"), "--step", "16", "-o", out.toString()));
        assertTrue(err.toString().contains("has steps 0 to 15"), err.toString());
    }

    @Test
    void stepNeedsAnOutputFile() {
        assertEquals(2, run("export", example("one-layer-bce.json"), "--step", "3"));
        assertTrue(err.toString().contains("--step 3 draws OUT: give -o OUT too"), err.toString());
    }
}
