package org.gradviz.app.export;

import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.gradviz.app.render.ExportFormat;

/**
 * File ▸ Export's questions: which view, what (the step shown, slides, a GIF), the format and size, with or without
 * values; then where, with the file chooser (a folder for slides). The choices are remembered for the next time.
 */
public final class ExportDialog {
    private ExportRequest last = new ExportRequest(ExportRequest.View.NETWORK, ExportFormat.PNG, PictureSize.TWO_X,
            true, ExportRequest.Scope.STEP, null);

    /** Asks; empty when cancelled. {@code steps} says whether slides and GIFs can be made now. */
    public Optional<ExportRequest> ask(Window owner, boolean steps, Path folder, String baseName) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        org.gradviz.app.files.DialogStyle.likeOwner(dialog.getDialogPane(), owner);
        dialog.setTitle("Export");
        dialog.setHeaderText("Export a picture of the graph as the window shows it");
        ChoiceBox<ExportRequest.View> view = choice(ExportRequest.View.values(), last.view());
        ChoiceBox<ExportRequest.Scope> scope = choice(ExportRequest.Scope.values(),
                steps ? last.scope() : ExportRequest.Scope.STEP);
        ChoiceBox<ExportFormat> format = choice(ExportFormat.values(), last.format() == null ? ExportFormat.PNG
                : last.format());
        ChoiceBox<PictureSize> size = choice(PictureSize.values(), last.size());
        CheckBox values = new CheckBox("Values and gradients");
        values.setSelected(last.values());
        scope.setDisable(!steps);
        format.disableProperty().bind(scope.valueProperty().isNotEqualTo(ExportRequest.Scope.STEP));
        size.disableProperty().bind(scope.valueProperty().isEqualTo(ExportRequest.Scope.STEP)
                .and(format.valueProperty().isNotEqualTo(ExportFormat.PNG)));
        GridPane form = new GridPane();
        form.setHgap(12);
        form.setVgap(10);
        form.addRow(0, new Label("View"), view);
        form.addRow(1, new Label("What"), scope);
        form.addRow(2, new Label("Format"), format);
        form.addRow(3, new Label("PNG size"), size);
        form.addRow(4, new Label(""), values);
        if (!steps) {
            form.addRow(5, new Label(""), new Label("Slides and GIFs step through a pass: run Forward or Backward"));
        }
        dialog.getDialogPane().setContent(form);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.CANCEL, new ButtonType("Export…",
                javafx.scene.control.ButtonBar.ButtonData.OK_DONE));
        Optional<ButtonType> answer = dialog.showAndWait();
        if (answer.isEmpty() || answer.get().getButtonData() != javafx.scene.control.ButtonBar.ButtonData.OK_DONE) {
            return Optional.empty();
        }
        ExportRequest request = new ExportRequest(view.getValue(), format.getValue(), size.getValue(),
                values.isSelected(), scope.getValue(), null);
        Optional<Path> target = chooseTarget(owner, request, folder, baseName);
        target.ifPresent(t -> last = request);
        return target.map(request::withTarget);
    }

    private static Optional<Path> chooseTarget(Window owner, ExportRequest request, Path folder, String baseName) {
        String name = baseName + (request.view() == ExportRequest.View.AUTOGRAD ? "-autograd" : "-network");
        if (request.scope() == ExportRequest.Scope.SLIDES) {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Folder for the slides (step-00.png, step-01.png, …)");
            chooser.setInitialDirectory(folder.toFile());
            return Optional.ofNullable(chooser.showDialog(owner)).map(java.io.File::toPath);
        }
        String extension = request.scope() == ExportRequest.Scope.GIF ? "gif" : request.format().extension();
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export as " + extension.toUpperCase(java.util.Locale.ROOT));
        chooser.setInitialDirectory(folder.toFile());
        chooser.setInitialFileName(name + "." + extension);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(extension.toUpperCase(java.util.Locale.ROOT),
                "*." + extension));
        return Optional.ofNullable(chooser.showSaveDialog(owner)).map(java.io.File::toPath);
    }

    private static <T> ChoiceBox<T> choice(T[] options, T selected) {
        ChoiceBox<T> box = new ChoiceBox<>();
        box.getItems().setAll(options);
        box.setValue(selected);
        return box;
    }
}
