package org.gradviz.app.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.concurrent.Task;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.gradviz.app.document.DocumentReader;
import org.gradviz.app.document.Examples;
import org.gradviz.app.document.Theme;
import org.gradviz.app.editor.EditorModel;
import org.gradviz.app.editor.panels.GeneratedCode;
import org.gradviz.app.render.ExportFormat;
import org.gradviz.app.render.GifFile;
import org.gradviz.app.render.Pictures;
import org.gradviz.app.shell.MainWindow;
import org.gradviz.app.shell.MainWindowView;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * File ▸ Export from the window, on the seed network after Forward and Backward: every written file is read back
 * (PNG decoded: size, not blank, DPI; SVG parsed; PDF opened; GIF frames counted). Expected numbers are torch's
 * (b.grad = [0.2661, 0.1179, 0.0027] in the golden seed network, printed to 4 decimals).
 */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class WindowExportGuiTest {
    private MainWindowView view;
    private EditorModel model;
    @TempDir
    Path folder;

    @Start
    void start(Stage stage) {
        Path file = Examples.file("one-layer-bce.json");
        model = new EditorModel(new DocumentReader().read(file), file);
        view = MainWindow.install(stage, model, new GeneratedCode());
        stage.setWidth(1440);
        stage.setHeight(900);
        stage.show();
    }

    @Test
    void aPngAt1xIsTheWholeNetworkAsTheViewDrawsItNotJustWhatIsOnScreen(FxRobot robot) throws Exception {
        run(robot);
        robot.interact(() -> view.canvas().zoomAt(3, 0, 0)); // most of the graph now off screen
        Path png = folder.resolve("net.png");

        String report = export(new ExportRequest(ExportRequest.View.NETWORK, ExportFormat.PNG, PictureSize.ONE_X,
                true, ExportRequest.Scope.STEP, png));

        byte[] bytes = Files.readAllBytes(png);
        BufferedImage image = Pictures.assertPngNotBlank(bytes);
        double[] bounds = new double[2];
        robot.interact(() -> {
            bounds[0] = view.canvas().drawing().getBoundsInLocal().getWidth();
            bounds[1] = view.canvas().drawing().getBoundsInLocal().getHeight();
        });
        assertEquals(Math.ceil(bounds[0] + 2 * PictureSize.MARGIN), image.getWidth(), 1.0, "every box, 1 px a unit");
        assertEquals(Math.ceil(bounds[1] + 2 * PictureSize.MARGIN), image.getHeight(), 1.0);
        assertEquals(96, Pictures.dpiOf(bytes));
        assertTrue(report.startsWith("Exported net.png"), report);
        assertTrue(colours(image) > 20, "heat-mapped grids, not a flat picture");
    }

    @Test
    void a4kPngIsExactly3840By2160AndTheDarkThemeIsKept(FxRobot robot) throws Exception {
        run(robot);
        robot.interact(() -> model.display().themeProperty().set(Theme.DARK));
        Path png = folder.resolve("net-4k.png");

        export(new ExportRequest(ExportRequest.View.NETWORK, ExportFormat.PNG, PictureSize.UHD, true,
                ExportRequest.Scope.STEP, png));

        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(3840, image.getWidth());
        assertEquals(2160, image.getHeight());
        java.awt.Color corner = new java.awt.Color(image.getRGB(2, 2));
        assertTrue(corner.getRed() < 40 && corner.getGreen() < 40 && corner.getBlue() < 50, "dark: " + corner);
        Pictures.assertNotBlank(image);
    }

    @Test
    void theAutogradViewExportsAsPngAndAsGraphvizSvgWithTheGradientsOfTheStepShown(FxRobot robot) throws Exception {
        run(robot);
        Path png = folder.resolve("autograd.png");
        export(new ExportRequest(ExportRequest.View.AUTOGRAD, ExportFormat.PNG, PictureSize.TWO_X, true,
                ExportRequest.Scope.STEP, png));
        assertEquals(192, Pictures.dpiOf(Files.readAllBytes(png)));
        Pictures.assertPngNotBlank(Files.readAllBytes(png));

        Path end = folder.resolve("end.svg");
        export(new ExportRequest(ExportRequest.View.AUTOGRAD, ExportFormat.SVG, PictureSize.ONE_X, true,
                ExportRequest.Scope.STEP, end));
        String atEnd = Files.readString(end);
        DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
        xml.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        xml.newDocumentBuilder().parse(end.toFile()); // well-formed XML
        assertTrue(atEnd.contains("0.2661"), "b's gradient once backward has run");

        robot.interact(() -> model.player().seek(0));
        Path start = folder.resolve("start.svg");
        export(new ExportRequest(ExportRequest.View.AUTOGRAD, ExportFormat.SVG, PictureSize.ONE_X, true,
                ExportRequest.Scope.STEP, start));
        assertFalse(Files.readString(start).contains("0.2661"), "before the first step of backward: no gradient yet");
    }

    @Test
    void pdfAndDotOfTheNetworkAtTheStepShown(FxRobot robot) throws Exception {
        run(robot);
        Path pdf = folder.resolve("net.pdf");
        Path dot = folder.resolve("net.dot");
        export(new ExportRequest(ExportRequest.View.NETWORK, ExportFormat.PDF, PictureSize.ONE_X, true,
                ExportRequest.Scope.STEP, pdf));
        export(new ExportRequest(ExportRequest.View.NETWORK, ExportFormat.DOT, PictureSize.ONE_X, false,
                ExportRequest.Scope.STEP, dot));

        Pictures.assertOnePagePdf(Files.readAllBytes(pdf));
        String text = Files.readString(dot);
        assertTrue(text.startsWith("digraph"), text);
        assertFalse(text.contains("0.2661"), "without values: the structure only");
        assertTrue(model.display().showsValues(), "the window shows values again after the export");
    }

    @Test
    void slidesAreOnePngPerStepAndThePlayerIsPutBack(FxRobot robot) throws Exception {
        run(robot);
        robot.interact(() -> model.player().seek(5));
        int steps = model.player().recordingProperty().get().size() + 1;
        Path slides = folder.resolve("slides");

        export(new ExportRequest(ExportRequest.View.NETWORK, null, PictureSize.ONE_X, true,
                ExportRequest.Scope.SLIDES, slides));

        List<Path> files;
        try (var list = Files.list(slides)) {
            files = list.sorted().toList();
        }
        assertEquals(steps, files.size());
        BufferedImage first = ImageIO.read(files.get(0).toFile());
        BufferedImage last = ImageIO.read(files.get(files.size() - 1).toFile());
        Pictures.assertNotBlank(first);
        for (Path frame : files) {
            BufferedImage each = ImageIO.read(frame.toFile());
            assertEquals(first.getWidth(), each.getWidth(), frame + ": one frame for every step (labels come and go)");
            assertEquals(first.getHeight(), each.getHeight(), frame.toString());
        }
        assertNotEquals(pixelsHash(first), pixelsHash(last), "the gradients appear step by step");
        assertEquals(5, model.player().positionProperty().get(), "the player is back at the step shown");
        try (var left = Files.list(folder)) {
            assertEquals(List.of(slides), left.toList(), "no staging folder left behind");
        }
    }

    @Test
    void anAnimatedGifHasAFramePerStepAndLoops(FxRobot robot) throws Exception {
        run(robot);
        int steps = model.player().recordingProperty().get().size() + 1;
        Path gif = folder.resolve("pass.gif");

        export(new ExportRequest(ExportRequest.View.AUTOGRAD, null, PictureSize.ONE_X, true,
                ExportRequest.Scope.GIF, gif));

        GifFile read = GifFile.read(gif);
        assertEquals(steps, read.frames().size());
        assertEquals(0, read.loopCount(), "loops forever");
        assertEquals(WindowExport.GIF_DELAY_MILLIS / 10, read.delaysCentis().get(0));
    }

    @Test
    void cancellingWritesNothing(FxRobot robot) throws Exception {
        run(robot);
        Path png = folder.resolve("never.png");
        Task<String> task = view.exporter().task(new ExportRequest(ExportRequest.View.NETWORK, ExportFormat.PNG,
                PictureSize.UHD, true, ExportRequest.Scope.STEP, png));
        task.cancel();
        Thread worker = new Thread(task);
        worker.start();
        worker.join(60_000);

        assertFalse(Files.exists(png));
        try (var left = Files.list(folder)) {
            assertEquals(0, left.count(), "no temporary file either");
        }
    }

    // ----- helpers

    private static void run(FxRobot robot) throws java.util.concurrent.TimeoutException {
        robot.clickOn("#graph-canvas");
        robot.type(KeyCode.F5);
        robot.type(KeyCode.F6);
        WaitForAsyncUtils.waitForFxEvents();
        // Graphviz lays the autograd view out off the FX thread: a picture taken before it is done is blank
        org.gradviz.app.animation.view.AutogradView autograd = robot.lookup("#autograd-view")
                .queryAs(org.gradviz.app.animation.view.AutogradView.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !autograd.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String export(ExportRequest request) throws Exception {
        Task<String> task = view.exporter().task(request);
        Thread worker = new Thread(task, "test-export");
        worker.start();
        String report = task.get(120, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        return report;
    }

    private static int colours(BufferedImage image) {
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                seen.add(image.getRGB(x, y));
            }
        }
        return seen.size();
    }

    private static int pixelsHash(BufferedImage image) {
        return java.util.Arrays.hashCode(image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0,
                image.getWidth()));
    }
}
