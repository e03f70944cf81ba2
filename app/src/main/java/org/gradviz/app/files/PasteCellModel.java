package org.gradviz.app.files;

import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.StringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.gradviz.app.document.GraphDocument;

/**
 * The paste-a-cell dialog's state: the pasted source and, after a refused import, the problems with their
 * line numbers. Editing the source clears the problems.
 */
public final class PasteCellModel {
    /** The name the importer reports the pasted text under. */
    public static final String PASTED_NAME = "<pasted cell>";

    private final CellImporter importer;
    private final StringProperty source = new SimpleStringProperty(this, "source", "");
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper refused = new ReadOnlyBooleanWrapper(this, "refused");

    public PasteCellModel(CellImporter importer, String initialSource) {
        this.importer = importer;
        source.set(initialSource == null ? "" : initialSource);
        source.addListener((obs, old, now) -> show(List.of()));
    }

    /** Imports the source: the network when it imports, else empty with {@link #problems()} filled. */
    public Optional<GraphDocument> tryImport() {
        if (source.get().isBlank()) {
            show(List.of("Paste the code of a PyTorch cell first"));
            return Optional.empty();
        }
        try {
            GraphDocument document = importer.importCell(source.get(), PASTED_NAME);
            show(List.of());
            return Optional.of(document);
        } catch (CellImportException e) {
            show(e.problems().isEmpty() ? List.of(e.getMessage())
                    : e.problems().stream().map(CellImportException.Problem::toString).toList());
            return Optional.empty();
        }
    }

    private void show(List<String> next) {
        problems.setAll(next);
        refused.set(!next.isEmpty());
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
}
