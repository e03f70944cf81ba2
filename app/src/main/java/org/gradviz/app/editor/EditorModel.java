package org.gradviz.app.editor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.gradviz.app.animation.Board;
import org.gradviz.app.animation.Recording;
import org.gradviz.app.animation.RevealMask;
import org.gradviz.app.animation.TraceEvent;
import org.gradviz.app.animation.TracePlayer;
import org.gradviz.app.document.Connection;
import org.gradviz.app.render.GraphOptions;
import org.gradviz.app.document.DecimalText;
import org.gradviz.app.document.GraphDocument;
import org.gradviz.app.document.Initializer;
import org.gradviz.app.document.OpKind;
import org.gradviz.app.document.OpNode;
import org.gradviz.app.document.Position;
import org.gradviz.app.document.TensorRole;
import org.gradviz.app.document.TensorSource;

/**
 * The editor's view-model: the document being edited, the selection, the undo history, the engine
 * session and the console. Every change of the graph goes through {@link #apply} as one undoable
 * {@link Edit}. Knows nothing of the view; views bind to the read-only properties and call the commands.
 */
public final class EditorModel {
    static final String APP_NAME = "gradviz";
    private static final Pattern PYTHON_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** How far a paste lands from what was copied, in editor units. */
    static final double PASTE_OFFSET = 40;

    private final EditHistory history = new EditHistory();
    private final ReadOnlyObjectWrapper<GraphState> state = new ReadOnlyObjectWrapper<>(this, "state");
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ObservableList<String> selection = FXCollections.observableArrayList();
    private final ObservableList<ConsoleLine> console = FXCollections.observableArrayList();
    private final ObservableList<ConsoleLine> consoleView = FXCollections.unmodifiableObservableList(console);
    private final BooleanProperty retainGraph = new SimpleBooleanProperty(this, "retainGraph", false);
    private final BooleanProperty noGrad = new SimpleBooleanProperty(this, "noGrad", false);
    private final DoubleProperty learningRate = new SimpleDoubleProperty(this, "learningRate", 0.1);
    private final IntegerProperty trainingSteps = new SimpleIntegerProperty(this, "trainingSteps", 100);
    private final ReadOnlyBooleanWrapper training = new ReadOnlyBooleanWrapper(this, "training", false);
    private final ObservableList<Double> losses = FXCollections.observableArrayList();
    private final ObservableList<Double> lossesView = FXCollections.unmodifiableObservableList(losses);
    private int lossesBeforeTraining;
    private final javafx.beans.property.ReadOnlyIntegerWrapper loads = new javafx.beans.property.ReadOnlyIntegerWrapper(
            this, "loads", 0);
    private GraphDocument clipboard;
    private RunSession session;
    private final TracePlayer player = new TracePlayer();
    private final DisplaySettings display = new DisplaySettings();
    private final GradChecks gradChecks = new GradChecks();
    private final AutogradGraphModel autograd = new AutogradGraphModel();
    /** Shapes and errors of the graph as it stands (no autograd), made again when the graph or leaves change. */
    private Evaluation preview;

    public EditorModel() {
        this(emptyDocument(), null);
    }

    public EditorModel(GraphDocument document, Path file) {
        load(document, file);
        player.boardProperty().addListener((obs, old, now) -> showBoard());
        display.revealProperty().addListener((obs, old, now) -> showBoard());
        history.unsavedProperty().addListener((obs, old, now) -> updateTitle());
        this.file.addListener((obs, old, now) -> updateTitle());
    }

    /** A document with nothing in it yet; randn draws from {@code torch.manual_seed(0)}. */
    public static GraphDocument emptyDocument() {
        return new GraphDocument(GraphDocument.CURRENT_VERSION, null, 0L, List.of(), List.of(), List.of(), null,
                null, null);
    }

    // ----- documents

    /**
     * Shows another document (New, Open): the history, selection, session and console start afresh; the console
     * notes the file opened.
     */
    public void load(GraphDocument document, Path from) {
        session = new RunSession(document);
        losses.clear();
        console.clear();
        if (from != null) {
            console.add(ConsoleLine.note("Opened " + from.getFileName()));
        }
        selection.clear();
        file.set(from);
        history.clear();
        gradChecks.clear();
        player.load(null, false);
        if (document.view() != null && document.view().theme() != null) {
            display.themeProperty().set(document.view().theme()); // a document's own theme applies when it opens
        }
        preview = session.preview();
        state.set(GraphState.of(document, preview, SessionBoards.live(document, session)));
        updateAutograd();
        updateTitle();
        loads.set(loads.get() + 1);
    }

    /**
     * Puts the boxes of a document just loaded where a layout made for it says (the importer cannot know box
     * sizes, so a cell's boxes are laid out once the editor has measured them): part of the load, so there is
     * nothing to undo and nothing unsaved. False, changing nothing, when another document was loaded or this
     * one edited since load number {@code load} (see {@link #loadsProperty}).
     */
    public boolean placeLoaded(int load, Map<String, Position> places) {
        if (load != loads.get() || history.undoSize() > 0 || history.canRedoProperty().get()) {
            return false;
        }
        show(GraphEdits.move(document(), places));
        return true;
    }

    /** The document is now saved as {@code to}. */
    public void markSaved(Path to) {
        file.set(to);
        history.markSaved();
        updateTitle();
    }

    public GraphDocument document() {
        return state.get().document();
    }

    // ----- edits

    /**
     * Applies one edit to the document and records it for undo. Returns false, changing nothing, when the
     * edit leaves the document as it was.
     */
    public boolean apply(String description, UnaryOperator<GraphDocument> edit) {
        return apply(description, edit, () -> { });
    }

    /** {@link #apply}, running {@code beforeShown} once the edit is recorded and before the document changes. */
    private boolean apply(String description, UnaryOperator<GraphDocument> edit, Runnable beforeShown) {
        GraphDocument before = document();
        GraphDocument after = edit.apply(before);
        if (after.equals(before) || (!RunSession.sameComputation(before, after) && refusedWhileTraining())) {
            return false;
        }
        history.record(new Edit(description, before, after));
        beforeShown.run();
        show(after);
        status.set(description);
        return true;
    }

    /**
     * Takes back the last edit, leaving nothing to redo, when it made the document shown now ({@code made}, the very
     * instance): a temporary arrangement (presentation mode's) is put back as it was. False, changing nothing,
     * when anything changed the document since.
     */
    public boolean withdraw(GraphDocument made) {
        if (document() != made || refusedWhileTraining()) {
            return false;
        }
        return history.withdraw().map(edit -> {
            show(edit.before());
            return true;
        }).orElse(false);
    }

    public void undo() {
        if (refusedWhileTraining()) {
            return;
        }
        history.undo().ifPresent(edit -> {
            show(edit.before());
            status.set("Undid: " + edit.description());
        });
    }

    public void redo() {
        if (refusedWhileTraining()) {
            return;
        }
        history.redo().ifPresent(edit -> {
            show(edit.after());
            status.set("Redid: " + edit.description());
        });
    }

    /** Adds an Input, Parameter or Constant with a fresh name at {@code at}, selects it, returns its name. */
    public String addSource(TensorRole role, Position at) {
        TensorSource source = switch (role) {
            case INPUT -> new TensorSource(Names.fresh(document(), "x"), role, List.of(3), null, false,
                    new Initializer.Ones());
            case PARAMETER -> new TensorSource(Names.fresh(document(), "w"), role, List.of(3), null, true,
                    new Initializer.Randn());
            case CONSTANT -> new TensorSource(Names.fresh(document(), "c"), role, List.of(), null, false,
                    new Initializer.Full(1.0));
        };
        added(roleName(role), source.name(), d -> GraphEdits.addTensor(d, source, at));
        return source.name();
    }

    /** Adds an op with a fresh name at {@code at}, selects it, returns its name. */
    public String addOp(OpKind kind, Position at) {
        String name = Names.fresh(document(), kind.isLoss() ? "loss" : kind.id());
        OpNode node = kind.newNode(name);
        added(kind.id(), name, d -> GraphEdits.addNode(d, node, at));
        return name;
    }

    /** Adds one element as an undoable "Add matmul "matmul"", selects it and says {@code Added matmul "matmul"}. */
    private void added(String what, String name, UnaryOperator<GraphDocument> edit) {
        String quoted = what + " \"" + name + "\"";
        if (apply("Add " + quoted, edit)) {
            status.set("Added " + quoted);
        }
        selectOnly(name);
    }

    /** Whether {@code from} may feed input {@code port} of {@code to}; nothing changes. */
    public ConnectionVerdict checkConnection(String from, String to, String port) {
        return ConnectionRules.check(document(), new Connection(from, to, port));
    }

    /** Draws the edge when the rules allow it; otherwise the status says why. */
    public ConnectionVerdict connect(String from, String to, String port) {
        Connection edge = new Connection(from, to, port);
        ConnectionVerdict verdict = ConnectionRules.check(document(), edge);
        if (verdict.allowed()) {
            apply("Connect " + from + " → " + to + "." + port, d -> GraphEdits.connect(d, edge));
        } else {
            status.set("Cannot connect " + from + " → " + to + "." + port + ": " + verdict.reason());
        }
        return verdict;
    }

    public void disconnect(Connection edge) {
        apply("Disconnect " + edge.from() + " → " + edge.to() + "." + edge.port(),
                d -> GraphEdits.disconnect(d, edge));
    }

    public void deleteSelection() {
        if (selection.isEmpty()) {
            return;
        }
        List<String> names = List.copyOf(selection);
        selection.clear();
        apply("Delete " + describe(names), d -> GraphEdits.remove(d, names));
    }

    /** Moves elements to new places (one undoable edit for a whole drag). */
    public void moveTo(Map<String, Position> places) {
        apply("Move " + describe(places.keySet()), d -> GraphEdits.move(d, places));
    }

    public void copySelection() {
        if (!selection.isEmpty()) {
            clipboard = GraphEdits.fragment(document(), selection);
            status.set("Copied " + describe(selection));
        }
    }

    public void cutSelection() {
        copySelection();
        deleteSelection();
    }

    public void paste() {
        if (clipboard == null) {
            return;
        }
        GraphEdits.Pasted[] pasted = new GraphEdits.Pasted[1];
        apply("Paste " + (clipboard.tensors().size() + clipboard.nodes().size()) + " elements", d -> {
            pasted[0] = GraphEdits.paste(d, clipboard, PASTE_OFFSET, PASTE_OFFSET);
            return pasted[0].document();
        });
        if (pasted[0] != null) {
            selection.setAll(pasted[0].names());
        }
    }

    /** Lines the selection up on the left edge or the top edge of its first element. */
    public void alignSelection(Alignment alignment) {
        Map<String, Position> positions = document().positions();
        if (selection.size() < 2 || positions == null) {
            return;
        }
        Position anchor = positions.get(selection.get(0));
        if (anchor == null) {
            return;
        }
        Map<String, Position> places = new LinkedHashMap<>();
        for (String name : selection) {
            Position p = positions.getOrDefault(name, anchor);
            places.put(name, alignment == Alignment.LEFT ? new Position(anchor.x(), p.y())
                    : new Position(p.x(), anchor.y()));
        }
        apply("Align " + describe(selection) + " " + alignment.name().toLowerCase(java.util.Locale.ROOT),
                d -> GraphEdits.move(d, places));
    }

    public enum Alignment { LEFT, TOP }

    /**
     * Replaces a source's settings (name, shape, dtype, initialiser, requires_grad) from the inspector; a renamed
     * source stays selected. Nothing happens, and nothing is said, when {@code name} is gone (a form left over
     * from before a rename) or nothing changes.
     */
    public boolean updateTensor(String name, TensorSource next) {
        if (document().tensor(name).isEmpty() || !nameAcceptable(name, next.name())) {
            return false;
        }
        return apply("Edit " + next.name(), d -> GraphEdits.replaceTensor(d, name, next),
                () -> renameSelection(name, next.name()));
    }

    /** Replaces an op's settings (name, attributes) from the inspector, as {@link #updateTensor} does a source's. */
    public boolean updateNode(String name, OpNode next) {
        if (document().node(name).isEmpty() || !nameAcceptable(name, next.name())) {
            return false;
        }
        return apply("Edit " + next.name(), d -> GraphEdits.replaceNode(d, name, next),
                () -> renameSelection(name, next.name()));
    }

    public void setSeed(long seed) {
        apply("Set seed " + seed, d -> GraphEdits.setSeed(d, seed));
    }

    /** Makes {@code name} the output that Backward starts from. */
    public void setOutput(String name) {
        apply("Backward from " + name, d -> GraphEdits.setOutput(d, name));
    }

    /** Puts {@code .detach()} after the selected element: its consumers read a copy cut from the graph. */
    public void detachSelected() {
        if (selection.size() != 1) {
            status.set("Select one element to detach");
            return;
        }
        String name = selection.get(0);
        String detached = Names.fresh(document(), name + "_detached");
        Position at = Optional.ofNullable(document().positions()).map(p -> p.get(name))
                .map(p -> new Position(p.x() + 60, p.y() + 90)).orElse(new Position(0, 0));
        apply("Detach " + name, d -> GraphEdits.insertDetach(d, name, detached, at));
        selectOnly(detached);
    }

    // ----- running

    public void forward() {
        run(() -> session.forward(noGrad.get()));
    }

    public void backward() {
        run(() -> session.backward(retainGraph.get()));
        if (session.parameterNames().stream().anyMatch(n -> session.tensor(n).map(t -> t.gradOrNull() != null)
                .orElse(false)) && document().output() != null) {
            gradChecks.start(session.gradCheck());
        }
    }

    public void step() {
        run(() -> session.step(learningRate.get()));
    }

    public void zeroGrads() {
        run(session::zeroGrad);
    }

    public void reset() {
        run(() -> {
            losses.clear();
            return session.reset();
        });
    }

    /**
     * Starts Train: the steps to run, on a copy of the session, by whoever calls {@link Training#run} (off
     * the FX thread); until {@link #finishTraining} the graph cannot be edited or run. Empty, saying why in
     * the status and the console, when the graph cannot be trained.
     */
    public Optional<Training> startTraining() {
        if (refusedWhileTraining()) {
            return Optional.empty();
        }
        Optional<String> refusal = Training.refusal(document(), session, trainingSteps.get());
        if (refusal.isPresent()) {
            reportProblem(refusal.get());
            return Optional.empty();
        }
        lossesBeforeTraining = losses.size();
        training.set(true);
        status.set("Training " + trainingSteps.get() + " steps…");
        return Optional.of(new Training(document(), session, learningRate.get(), trainingSteps.get()));
    }

    /** Adds the losses of the latest rounds, while Train runs (the loss curve grows as it goes). */
    public void showTrainingLosses(List<Double> latest) {
        if (training.get()) {
            losses.addAll(latest);
        }
    }

    /**
     * Shows what a running Train holds ({@link Training#liveBoard()}): the parameters and the loss move on the boxes
     * while it trains. Ignored once Train has finished.
     */
    public void showTrainingBoard(Board board) {
        if (training.get()) {
            state.set(GraphState.of(document(), preview, board));
        }
    }

    /** Takes over what Train did: the moved parameters, its last forward, its losses and its transcript. */
    public void finishTraining(Training run, Training.Result result) {
        training.set(false);
        if (!RunSession.sameComputation(run.document(), document())) {
            reportProblem("Train finished on a graph that has since changed: its result was dropped");
            return;
        }
        session.adopt(run.session());
        player.load(run.lastStep().orElse(null), false);
        player.end();
        preview = session.preview();
        updateAutograd();
        losses.setAll(concat(losses.subList(0, lossesBeforeTraining), result.losses()));
        record(TrainingTranscript.of(run, result, run.session()));
        if (result.error() == null && result.done() > 0) {
            status.set((result.stopped() ? "Stopped after " : "Trained ") + result.done() + " steps: loss "
                    + DecimalText.of(result.losses().get(0)) + " → "
                    + DecimalText.of(result.losses().get(result.done() - 1)));
        }
    }

    private static List<Double> concat(List<Double> before, List<Double> after) {
        List<Double> all = new ArrayList<>(before);
        all.addAll(after);
        return all;
    }

    private void run(java.util.function.Supplier<List<ConsoleLine>> command) {
        if (refusedWhileTraining()) {
            return;
        }
        gradChecks.clear();
        Board before = engineBoard();
        List<ConsoleLine> lines = command.get();
        preview = session.preview();
        Optional<CommandTrace> trace = session.takeTrace();
        player.load(trace.map(t -> new Recording(t.command(), before, t.events(), t.elements())).orElse(null), false);
        updateAutograd();
        record(lines);
        trace.ifPresent(t -> {
            if (animates(t) && display.reveals()) {
                status.set(t.command() + ": step with → or PageDown to reveal each value");
            } else if (animates(t)) {
                player.play();
            } else {
                player.end();
            }
        });
    }

    /** Forward and Backward play their steps; Step and Zero grads show their result at once. */
    private static boolean animates(CommandTrace trace) {
        return trace.events().stream().anyMatch(e -> e instanceof TraceEvent.OpExecuted
                || e instanceof TraceEvent.BackwardStarted);
    }

    /**
     * What the engine holds now, with the stale marks of the last recording: its end, whatever step the
     * player shows.
     */
    private Board engineBoard() {
        Recording shown = player.recordingProperty().get();
        return shown != null ? shown.after() : SessionBoards.live(document(), session);
    }

    /** The boxes as the player shows them, or the live tensors when nothing is being played. */
    private void showBoard() {
        state.set(GraphState.of(document(), preview, shownBoard(document()), revealMask()));
    }

    /** What reveal keeps back at the player's step; nothing when reveal is off or nothing is being played. */
    private RevealMask revealMask() {
        Recording shown = player.recordingProperty().get();
        return display.reveals() && shown != null ? RevealMask.of(shown, player.boardProperty().get())
                : RevealMask.NONE;
    }

    /** The values the boxes show now: the player's step, or the live tensors when nothing is being played. */
    public Board shownBoard() {
        return shownBoard(document());
    }

    private Board shownBoard(GraphDocument document) {
        return player.recordingProperty().get() != null ? player.boardProperty().get()
                : SessionBoards.live(document, session);
    }

    /** True, saying so in the status, while Train runs: the graph stays as Train found it. */
    private boolean refusedWhileTraining() {
        if (training.get()) {
            status.set("Train is running: stop it (Esc) before changing or running the graph (moving boxes is fine)");
        }
        return training.get();
    }

    /** Shows a problem that is not the engine's (a file that would not open, a layout that failed). */
    public void reportProblem(String message) {
        console.add(ConsoleLine.error(message));
        status.set(message);
    }

    /** Tells something that is no problem (an import that was cancelled) in the status line and the console. */
    public void reportNote(String message) {
        console.add(ConsoleLine.note(message));
        status.set(message);
    }

    public void clearConsole() {
        console.clear();
    }

    private void record(List<ConsoleLine> lines) {
        console.addAll(lines);
        lines.stream().filter(l -> l.kind() == ConsoleLine.Kind.ERROR).reduce((a, b) -> b)
                .ifPresentOrElse(l -> status.set(l.text()), () -> status.set(lines.isEmpty() ? "" : lines.get(0).text()));
        showBoard();
    }

    // ----- selection

    public void selectOnly(String name) {
        selection.setAll(name);
    }

    public void toggleSelected(String name) {
        if (!selection.remove(name)) {
            selection.add(name);
        }
    }

    public void selectAll() {
        List<String> all = new ArrayList<>();
        document().tensors().forEach(t -> all.add(t.name()));
        document().nodes().forEach(n -> all.add(n.name()));
        selection.setAll(all);
    }

    // ----- internals

    private void show(GraphDocument next) {
        GraphDocument previous = document();
        session.documentChanged(next);
        selection.removeIf(name -> !Names.taken(next, name));
        if (!RunSession.sameComputation(previous, next)) {
            gradChecks.clear();
            player.load(null, false);
            preview = session.preview();
            updateAutograd();
        }
        state.set(GraphState.of(next, preview, shownBoard(next), revealMask()));
    }

    private boolean nameAcceptable(String old, String next) {
        if (!PYTHON_NAME.matcher(next).matches()) {
            status.set("\"" + next + "\" is not a Python name: use letters, digits and _, not starting with a digit");
            return false;
        }
        if (!old.equals(next) && Names.taken(document(), next)) {
            status.set("The name \"" + next + "\" is already used: pick another");
            return false;
        }
        return true;
    }

    private void renameSelection(String old, String next) {
        int i = selection.indexOf(old);
        if (i >= 0 && !old.equals(next)) {
            selection.set(i, next);
        }
    }

    private void updateTitle() {
        Path shown = file.get();
        String name = shown == null ? "untitled" : String.valueOf(shown.getFileName());
        title.set((history.unsavedProperty().get() ? "• " : "") + name + " — " + APP_NAME);
    }

    private static String describe(Collection<String> names) {
        return names.size() == 1 ? names.iterator().next() : names.size() + " elements";
    }

    private static String roleName(TensorRole role) {
        return role.name().toLowerCase(java.util.Locale.ROOT);
    }

    // ----- properties

    private void updateAutograd() {
        autograd.update(session);
    }

    /** The autograd graph of the last Forward's output, as the engine built it (after detach or no_grad too). */
    public ReadOnlyObjectProperty<AutogradGraph> autogradProperty() {
        return autograd.graphProperty();
    }

    /** The autograd view's options: saved tensors and attributes. */
    public AutogradGraphModel autograd() {
        return autograd;
    }

    /** The gradcheck of the leaves after the last Backward (computed off the FX thread). */
    public GradChecks gradChecks() {
        return gradChecks;
    }

    /** The engine session behind the boxes. */
    RunSession session() {
        return session;
    }

    /** The player of the last command's recording: the boxes show the board at its position. */
    public TracePlayer player() {
        return player;
    }

    /** Theme, canvas text size and reveal: how the window shows the graph (not part of the document). */
    public DisplaySettings display() {
        return display;
    }

    public ReadOnlyObjectProperty<GraphState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ObservableList<String> selection() {
        return selection;
    }

    public ObservableList<ConsoleLine> console() {
        return consoleView;
    }

    public EditHistory history() {
        return history;
    }

    public BooleanProperty retainGraphProperty() {
        return retainGraph;
    }

    public BooleanProperty noGradProperty() {
        return noGrad;
    }

    public DoubleProperty learningRateProperty() {
        return learningRate;
    }

    /** Counts the documents shown by {@link #load} (New, Open, a cell): views fit a new one into view. */
    public javafx.beans.property.ReadOnlyIntegerProperty loadsProperty() {
        return loads.getReadOnlyProperty();
    }

    /** How many steps Train runs. */
    public IntegerProperty trainingStepsProperty() {
        return trainingSteps;
    }

    /** True while Train runs. */
    public ReadOnlyBooleanProperty trainingProperty() {
        return training.getReadOnlyProperty();
    }

    /** The loss of every training round since the last Reset or load, oldest first. */
    public ObservableList<Double> losses() {
        return lossesView;
    }
}
