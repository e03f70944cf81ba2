package org.gradviz.app.shell;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javafx.concurrent.Task;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import org.gradviz.app.editor.EditorModel;
import org.gradviz.app.export.ExportDialog;
import org.gradviz.app.export.ExportRequest;
import org.gradviz.app.export.PictureSize;
import org.gradviz.app.export.WindowExport;

/**
 * File ▸ Export… (Ctrl+Shift+E) and Copy Image (Ctrl+Shift+C): asks, then exports on a worker thread with a progress
 * bar and a Cancel button in the status line; says in the status what was written or why not. One export at a time.
 */
final class ExportAction {
    private final EditorModel model;
    private final WindowExport exporter;
    private final ExportDialog dialog = new ExportDialog();
    private final ProgressBar bar = new ProgressBar();
    private final Label what = new Label();
    private final Button cancel = new Button("Cancel");
    private final HBox progress = new HBox(8, what, bar, cancel);
    private Task<?> running;

    ExportAction(EditorModel model, WindowExport exporter) {
        this.model = model;
        this.exporter = exporter;
        progress.setId("export-progress");
        progress.setAlignment(javafx.geometry.Pos.CENTER_RIGHT);
        progress.setVisible(false);
        progress.setManaged(false);
        bar.setPrefWidth(160);
        cancel.setOnAction(e -> {
            if (running != null) {
                running.cancel();
            }
        });
    }

    /** The progress bar and its Cancel, for the status line. */
    Node progress() {
        return progress;
    }

    List<MenuItem> items() {
        MenuItem export = new MenuItem("Export…");
        export.setId("file-export");
        export.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+E"));
        export.setOnAction(e -> ask());
        MenuItem copy = new MenuItem("Copy Image of the Network View");
        copy.setId("file-copy-image");
        copy.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+C"));
        copy.setOnAction(e -> copyImage(ExportRequest.View.NETWORK));
        return List.of(export, copy);
    }

    private void ask() {
        if (busy()) {
            return;
        }
        Path file = model.fileProperty().get();
        Path folder = file != null && file.toAbsolutePath().getParent() != null ? file.toAbsolutePath().getParent()
                : Path.of(System.getProperty("user.home"));
        String base = file == null ? "graph" : file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        dialog.ask(progress.getScene().getWindow(), exporter.hasSteps(), folder, base).ifPresent(this::start);
    }

    /** Exports as {@code request} says, off the FX thread; the status line tells the outcome. */
    void start(ExportRequest request) {
        if (busy()) {
            return;
        }
        Task<String> task = exporter.task(request);
        task.setOnSucceeded(e -> done(task.getValue()));
        task.setOnFailed(e -> failed("Export failed: " + message(task.getException())));
        task.setOnCancelled(e -> done("Export cancelled: nothing was written"));
        show(task, "Exporting " + request.target().getFileName() + "…");
    }

    /** Copies the picture of {@code view} at 2× to the clipboard, off the FX thread. */
    void copyImage(ExportRequest.View view) {
        if (busy()) {
            return;
        }
        Task<BufferedImage> task = new Task<>() {
            @Override
            protected BufferedImage call() throws Exception {
                return exporter.picture(view, PictureSize.TWO_X, this::isCancelled);
            }
        };
        task.setOnSucceeded(e -> {
            BufferedImage image = task.getValue();
            ClipboardContent content = new ClipboardContent();
            content.putImage(fxImage(image));
            Clipboard.getSystemClipboard().setContent(content);
            done("Copied the " + view.toString().toLowerCase(java.util.Locale.ROOT) + " (" + image.getWidth() + " × "
                    + image.getHeight() + ") to the clipboard");
        });
        task.setOnFailed(e -> failed("Copy Image failed: " + message(task.getException())));
        task.setOnCancelled(e -> done("Copy Image cancelled"));
        show(task, "Copying the picture…");
    }

    private void show(Task<?> task, String text) {
        running = task;
        what.setText(text);
        bar.progressProperty().bind(task.progressProperty());
        progress.setVisible(true);
        progress.setManaged(true);
        Thread worker = new Thread(task, "gradviz-export");
        worker.setDaemon(true);
        worker.start();
    }

    private void done(String status) {
        hideProgress();
        model.reportNote(status);
    }

    private void failed(String status) {
        hideProgress();
        model.reportProblem(status);
    }

    private void hideProgress() {
        running = null;
        bar.progressProperty().unbind();
        progress.setVisible(false);
        progress.setManaged(false);
    }

    private boolean busy() {
        if (running != null && running.isRunning()) {
            model.reportProblem("An export is running: wait for it or cancel it");
            return true;
        }
        return false;
    }

    /** {@code image} for the clipboard (javafx-swing is not among gradviz's libraries). */
    private static javafx.scene.image.Image fxImage(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        javafx.scene.image.WritableImage fx = new javafx.scene.image.WritableImage(w, h);
        fx.getPixelWriter().setPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(),
                image.getRGB(0, 0, w, h, null, 0, w), 0, w);
        return fx;
    }

    private static String message(Throwable e) {
        return e == null ? "unknown error" : e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
