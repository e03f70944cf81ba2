package org.gradviz.app.files;

import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * "Running cell.py…" with a spinner and Cancel, over the main window while a cell opened or dropped there
 * imports. It appears once the import has run for {@link #DELAY} (a quick cell flashes no window) and closes
 * itself when the import ends; Cancel, Escape and the close button stop the cell.
 */
public final class ImportProgressDialog extends Dialog<Void> {
    public static final String STYLE_CLASS = "import-progress-dialog";
    /** How long an import runs before the dialog shows. */
    public static final Duration DELAY = Duration.millis(250);

    private final CellImportRunner runner;
    private final PauseTransition wait = new PauseTransition(DELAY);

    public ImportProgressDialog(CellImportRunner runner) {
        this.runner = runner;
        createView();
        initListeners();
    }

    /** A spinner, shown while {@code running}, beside the {@code status} text; the row hides when there is none. */
    static Node progressRow(ObservableBooleanValue running, ObservableStringValue status) {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.getStyleClass().add("import-spinner");
        spinner.visibleProperty().bind(running);
        spinner.managedProperty().bind(running);
        Label text = new Label();
        text.getStyleClass().add("import-status");
        text.setMinWidth(Region.USE_PREF_SIZE);
        text.textProperty().bind(status);
        HBox row = new HBox(10, spinner, text);
        row.setAlignment(Pos.CENTER_LEFT);
        row.visibleProperty().bind(Bindings.isNotEmpty(status));
        row.managedProperty().bind(row.visibleProperty());
        return row;
    }

    private void createView() {
        setTitle("Importing cell");
        getDialogPane().getStyleClass().add(STYLE_CLASS);
        Label hint = new Label("Cancel stops the cell; the open document stays as it is.");
        hint.getStyleClass().add("import-hint");
        getDialogPane().setContent(new VBox(12, progressRow(runner.runningProperty(), runner.statusProperty()), hint));
        getDialogPane().getButtonTypes().setAll(ButtonType.CANCEL);
        setResultConverter(button -> null);
    }

    private void initListeners() {
        setOnCloseRequest(event -> {
            if (runner.isRunning()) {
                runner.cancel();
                event.consume();
            }
        });
        wait.setOnFinished(e -> {
            if (runner.isRunning() && !isShowing()) {
                show();
            }
        });
        runner.runningProperty().addListener((obs, was, now) -> {
            if (!now) {
                wait.stop();
                if (isShowing()) {
                    close();
                }
            }
        });
    }

    /** Shows the dialog once the import has run for {@link #DELAY}, unless it has ended by then. */
    public void showWhenSlow() {
        if (runner.isRunning()) {
            wait.playFromStart();
        }
    }

    CellImportRunner runner() {
        return runner;
    }
}
