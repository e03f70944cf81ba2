package org.gradviz.app.files;

import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.gradviz.app.document.GraphDocument;

/**
 * The paste-a-cell dialog's state: the pasted source, the import running off the FX thread and, after a
 * refused import, the problems with their line numbers. Editing the source clears the problems.
 */
public final class PasteCellModel {
    /** The name the importer reports the pasted text under. */
    public static final String PASTED_NAME = "<pasted cell>";
    static final String CANCELLED = "Import cancelled: nothing was changed";
    static final String BUSY = "Another cell is still being imported: wait for it or cancel it first";

    private final CellImportRunner runner;
    private final StringProperty source = new SimpleStringProperty(this, "source", "");
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper refused = new ReadOnlyBooleanWrapper(this, "refused");
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper(this, "note", "");
    private final StringBinding status;

    public PasteCellModel(CellImportRunner runner, String initialSource) {
        this.runner = runner;
        source.set(initialSource == null ? "" : initialSource);
        status = Bindings.when(runner.runningProperty()).then(runner.statusProperty()).otherwise(note);
        source.addListener((obs, old, now) -> show(List.of()));
    }

    /**
     * Starts importing the source off the FX thread. When the cell imports whole, {@code imported} gets its
     * network (on the FX thread); when it is refused, {@link #problems()} list why; when cancelled, the status
     * says so. Returns at once.
     */
    public void startImport(Consumer<GraphDocument> imported) {
        if (source.get().isBlank()) {
            show(List.of("Paste the code of a PyTorch cell first"));
            return;
        }
        show(List.of());
        if (!runner.start(source.get(), PASTED_NAME, outcome -> finished(outcome, imported))) {
            show(List.of(BUSY));
        }
    }

    /** Stops the running import; the source and the open document stay as they are. */
    public void cancel() {
        runner.cancel();
    }

    private void finished(CellImportRunner.Outcome outcome, Consumer<GraphDocument> imported) {
        if (outcome instanceof CellImportRunner.Outcome.Imported done) {
            imported.accept(done.document());
        } else if (outcome instanceof CellImportRunner.Outcome.Refused no) {
            show(no.lines());
        } else {
            note.set(CANCELLED);
        }
    }

    private void show(List<String> next) {
        problems.setAll(next);
        refused.set(!next.isEmpty());
        note.set("");
    }

    public StringProperty sourceProperty() {
        return source;
    }

    /** One line each, {@code line N: what}, in line order. */
    public ObservableList<String> problems() {
        return FXCollections.unmodifiableObservableList(problems);
    }

    public ReadOnlyBooleanProperty refusedProperty() {
        return refused.getReadOnlyProperty();
    }

    /** True while the cell runs: Import is off and Cancel stops the run. */
    public ReadOnlyBooleanProperty runningProperty() {
        return runner.runningProperty();
    }

    /** {@code Running <pasted cell>…} while it runs, {@link #CANCELLED} after Cancel, else empty. */
    public ObservableStringValue statusProperty() {
        return status;
    }
}
