package org.gradviz.app.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.concurrent.Task;
import javafx.geometry.Bounds;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.gradviz.app.document.ChainDocuments;
import org.gradviz.app.document.Position;
import org.gradviz.app.editor.EditorModel;
import org.gradviz.app.editor.panels.GeneratedCode;
import org.gradviz.app.render.ExportFormat;
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
 * A PNG of a big graph's network view (450 boxes: the view draws only the boxes in sight as controls) holds every
 * box, drawn as the view draws it, however little of the graph is on screen; the view is as it was afterwards.
 */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class BigGraphExportGuiTest {
    private static final int BOXES = 450;
    private static final String LAST = ChainDocuments.op(BOXES - 1);

    private MainWindowView view;
    private EditorModel model;
    @TempDir
    Path folder;

    @Start
    void start(Stage stage) {
        model = new EditorModel(ChainDocuments.chain(BOXES), null);
        view = MainWindow.install(stage, model, new GeneratedCode());
        stage.setWidth(1440);
        stage.setHeight(900);
        stage.show();
    }

    @Test
    void a4kPngOfABigGraphZoomedInOnItsFirstBoxShowsItsLastBoxToo(FxRobot robot) throws Exception {
        robot.interact(() -> view.canvas().zoomToBox("x"));
        WaitForAsyncUtils.waitForFxEvents();
        int controls = view.canvas().boxControls();
        assertTrue(robot.lookup("#node-" + LAST).tryQuery().isEmpty(), "the last box is far off screen");
        Path png = folder.resolve("big.png");

        Task<String> task = view.exporter().task(new ExportRequest(ExportRequest.View.NETWORK, ExportFormat.PNG,
                PictureSize.UHD, true, ExportRequest.Scope.STEP, png));
        Thread worker = new Thread(task, "test-export");
        worker.start();
        task.get(120, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();

        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(3840, image.getWidth());
        Bounds[] whole = new Bounds[1];
        double[][] sizes = new double[2][];
        robot.interact(() -> {
            whole[0] = view.canvas().pictureParts().whole();
            sizes[0] = view.canvas().boxSizes().get("x");
            sizes[1] = view.canvas().boxSizes().get(LAST);
        });
        PictureSize.Placement placement = PictureSize.UHD.place(whole[0].getWidth(), whole[0].getHeight());
        // x: a parameter box, torchviz's lightblue (#add8e6); the last op: the output, #caff70; both fill much of
        // their box in the picture
        assertTrue(share(image, placement, whole[0], model.document().positions().get("x"), sizes[0], 0xadd8e6) > 0.2,
                "x drawn");
        assertTrue(share(image, placement, whole[0], model.document().positions().get(LAST), sizes[1], 0xcaff70) > 0.2,
                "the last box drawn, though it was not on screen");
        // and the view draws again only what is in sight
        assertEquals(controls, view.canvas().boxControls());
        assertTrue(robot.lookup("#node-" + LAST).tryQuery().isEmpty());
    }

    /** The share of the pixels of the box at {@code place} ({@code size}) in the picture that are {@code rgb}. */
    private static double share(BufferedImage image, PictureSize.Placement placement, Bounds whole, Position place,
            double[] size, int rgb) {
        int x0 = (int) Math.ceil(placement.x() + (place.x() - whole.getMinX()) * placement.scale());
        int y0 = (int) Math.ceil(placement.y() + (place.y() - whole.getMinY()) * placement.scale());
        int x1 = (int) Math.floor(placement.x() + (place.x() + size[0] - whole.getMinX()) * placement.scale());
        int y1 = (int) Math.floor(placement.y() + (place.y() + size[1] - whole.getMinY()) * placement.scale());
        int same = 0;
        int all = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                all++;
                same += (image.getRGB(x, y) & 0xffffff) == rgb ? 1 : 0;
            }
        }
        return all == 0 ? 0 : (double) same / all;
    }
}
