package org.gradviz.app.shell;

import javafx.concurrent.Task;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.gradviz.app.animation.LensModel;
import org.gradviz.app.animation.view.AutogradFlow;
import org.gradviz.app.animation.view.AutogradView;
import org.gradviz.app.animation.view.LensBand;
import org.gradviz.app.animation.view.LensPanel;
import org.gradviz.app.animation.view.LensPlacement;
import org.gradviz.app.animation.view.PlayerBar;
import org.gradviz.app.document.Position;
import org.gradviz.app.editor.canvas.FlowOverlay;
import org.gradviz.app.editor.canvas.GradCheckBadges;
import org.gradviz.app.editor.EditorModel;
import org.gradviz.app.editor.GraphState;
import org.gradviz.app.editor.PaletteEntry;
import org.gradviz.app.editor.ScreenArrangement;
import org.gradviz.app.editor.canvas.GraphCanvas;
import org.gradviz.app.editor.panels.ConsoleView;
import org.gradviz.app.editor.panels.EditorMenuBar;
import org.gradviz.app.editor.panels.EditorToolBar;
import org.gradviz.app.editor.panels.InspectorView;
import org.gradviz.app.editor.panels.OpSearchPopup;
import org.gradviz.app.editor.panels.PaletteView;

/**
 * The main window's layout: menus and the run tool bar on top, the palette on the left, the canvas over
 * the console in the middle, the inspector on the right, the status line below.
 */
public final class MainWindowView extends BorderPane {

    private final EditorModel model;
    private final GraphCanvas canvas;
    private final TidyAction tidy;
    private final TrainAction train;
    private EditorMenuBar menuBar;
    private GraphViews graphViews;
    private EditorToolBar toolBar;
    private PresentationMode presentation;
    private ScreenFit screenFit;
    private javafx.scene.layout.Pane lensLayer;
    private LectureOverlay lecture;
    private org.gradviz.app.export.WindowExport exporter;
    private ExportAction export;

    public MainWindowView(EditorModel model, java.util.function.Function<GraphState, String> codeWriter,
            Menu... leadingMenus) {
        this.model = model;
        WindowTheme.useStylesheet(model.display().theme()); // before the first control: see useStylesheet
        this.canvas = new GraphCanvas(model);
        this.tidy = new TidyAction(model, canvas);
        this.train = new TrainAction(model);
        createView(codeWriter, leadingMenus);
        initListeners();
    }

    private void createView(java.util.function.Function<GraphState, String> codeWriter, Menu... leadingMenus) {
        getStyleClass().add(StyleClasses.MAIN_WINDOW);
        menuBar = new EditorMenuBar(model, canvas, tidy::start, train::start, train::stop, leadingMenus);
        toolBar = new EditorToolBar(model, model::undo, model::redo, train::toggle);
        setTop(new VBox(menuBar, toolBar));
        PaletteView palette = new PaletteView(this::addInView);
        palette.disableProperty().bind(model.trainingProperty());
        setLeft(palette);
        ConsoleView console = new ConsoleView(model, codeWriter);
        new FlowOverlay(model, canvas);
        new GradCheckBadges(model, canvas);
        PlayerBar player = new PlayerBar(model.player());
        LensModel lenses = new LensModel(model.player());
        LensPanel lens = new LensPanel(lenses);
        model.gradChecks().reportProperty().addListener((obs, old, now) -> lenses.gradChecked(
                now == null ? java.util.Map.of() : now.passedByLeaf()));
        AutogradView autograd = new AutogradView();
        new AutogradFlow(model, autograd);
        SplitPane both = new SplitPane(canvas, autograd);
        both.setDividerPositions(0.5);
        lensLayer = new javafx.scene.layout.Pane();
        LensBand lensBand = new LensBand(lensLayer, lenses, model.display().fontScaleProperty());
        new LensPlacement(lensLayer, lens, LensPanel.passResult(lenses), lensBand, autograd, model.player(),
                model.display().fontScaleProperty());
        // presenting, the views leave a band at their foot to the lens, which then covers none of their boxes
        VBox viewsAndBand = new VBox(both, lensBand.strip());
        VBox.setVgrow(both, javafx.scene.layout.Priority.ALWAYS);
        javafx.scene.layout.StackPane views = new javafx.scene.layout.StackPane(viewsAndBand, lensLayer);
        VBox graphs = new VBox(views, player);
        VBox.setVgrow(views, javafx.scene.layout.Priority.ALWAYS);
        SplitPane middle = new SplitPane(graphs, console);
        middle.setOrientation(Orientation.VERTICAL);
        // long console lines must scroll, not widen the middle and squeeze the inspector away
        for (javafx.scene.layout.Region r : new javafx.scene.layout.Region[] {middle, console, canvas, autograd, both, views, graphs, player}) {
            r.setMinWidth(0);
        }
        both.setMinHeight(0);
        viewsAndBand.setMinWidth(0);
        viewsAndBand.setMinHeight(0);
        middle.setDividerPositions(0.74);
        setCenter(middle);
        InspectorView inspector = new InspectorView(model);
        inspector.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        inspector.disableProperty().bind(model.trainingProperty());
        setRight(inspector);
        PanelToggles panels = new PanelToggles(this, middle, canvas, palette, inspector, console);
        menuBar.viewMenu().getItems().addAll(panels.items());
        screenFit = new ScreenFit(model, canvas);
        presentation = new PresentationMode(this, panels, canvas, screenFit, player, this::isBlanked);
        lensBand.onProperty().bind(presentation.onProperty());
        menuBar.viewMenu().getItems().add(presentation.item());
        toolBar.getItems().add(presentButton());
        graphViews = new GraphViews(model, both, canvas, autograd, lensLayer);
        menuBar.viewMenu().getItems().addAll(graphViews.items());
        exporter = new org.gradviz.app.export.WindowExport(model,
                new org.gradviz.app.export.DrawingSource(canvas.drawing(), canvas, canvas.pictureParts()),
                new org.gradviz.app.export.DrawingSource(autograd.drawing(), autograd));
        export = new ExportAction(model, exporter);
        lecture = new LectureOverlay(this);
        getChildren().add(lecture.layer()); // over everything; BorderPane leaves an extra child where it is
        menuBar.viewMenu().getItems().addAll(DisplayMenu.items(model.display(), lecture));
        WindowTheme.apply(model.display().theme(), this, autograd);
        model.display().themeProperty().addListener((obs, old, theme) -> WindowTheme.apply(theme, this, autograd));
        model.display().valuesShownProperty().addListener((obs, old, shown) -> autograd.setValuesShown(shown));
        Label status = new Label();
        status.setMinWidth(0);
        status.setId(StyleClasses.STATUS_MESSAGE);
        status.textProperty().bind(model.statusProperty());
        // in the centre, not on the left: BorderPane gives its left child the preferred width, so a long
        // message would widen the whole window and push the inspector out of sight
        javafx.scene.layout.HBox work = new javafx.scene.layout.HBox(10, export.progress(), train.progress(),
                tidy.progress());
        work.setAlignment(javafx.geometry.Pos.CENTER_RIGHT);
        BorderPane bar = new BorderPane(status, null, work, null, null);
        BorderPane.setAlignment(status, javafx.geometry.Pos.CENTER_LEFT);
        bar.getStyleClass().add(StyleClasses.STATUS_BAR);
        setBottom(bar);
    }

    private void initListeners() {
        // the canvas, not the first text field of the tool bar, has the keys when the window opens: Space and the
        // arrows step the player, Delete deletes
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                javafx.application.Platform.runLater(canvas::requestFocus);
            }
        });
        OpSearchPopup search = new OpSearchPopup(entry -> canvas.add(entry, lastSearchPoint));
        canvas.setOnSearchRequest((screen, at) -> {
            lastSearchPoint = at;
            search.showAt(canvas, screen.getX(), screen.getY());
        });
        // a document whose boxes pile up (a cell: the importer does not know box sizes) is laid out as it loads
        // bigger text makes bigger boxes: when they now overlap, Graphviz lays them out again (one undoable edit)
        model.display().fontScaleProperty().addListener((obs, old, now) -> javafx.application.Platform.runLater(() -> {
            if (screenFit.isOn()) {
                screenFit.arrangeLater(); // presenting: packed for the screen again, not laid out in layers
            } else if (canvas.boxesOverlap()) {
                tidy.run("Tidy layout for text " + org.gradviz.app.editor.FontScale.percent(now.doubleValue()));
            }
        }));
        model.loadsProperty().addListener((obs, old, load) -> {
            if (canvas.boxesOverlap()) {
                tidy.startForLoad(load.intValue());
            }
        });
        canvas.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.BACK_SPACE) {
                model.deleteSelection();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                model.selection().clear();
            }
        });
    }

    private javafx.geometry.Point2D lastSearchPoint = javafx.geometry.Point2D.ZERO;

    private void addInView(PaletteEntry entry) {
        canvas.add(entry, canvas.visibleCentre());
    }

    /**
     * Puts a menu before Edit (the File menu, made once the window has its scene); Export… and Copy Image join it
     * before its last group (Quit).
     */
    public void addLeadingMenu(Menu menu) {
        int before = menu.getItems().size();
        for (int i = menu.getItems().size() - 1; i >= 0; i--) {
            if (menu.getItems().get(i) instanceof javafx.scene.control.SeparatorMenuItem) {
                before = i;
                break;
            }
        }
        menu.getItems().add(before, new javafx.scene.control.SeparatorMenuItem());
        menu.getItems().addAll(before + 1, export.items());
        menuBar.getMenus().add(0, menu);
    }

    public GraphCanvas canvas() {
        return canvas;
    }

    private javafx.scene.control.Button presentButton() {
        javafx.scene.control.Button present = new javafx.scene.control.Button("Present",
                org.gradviz.app.icons.Icons.PRESENT.create());
        present.setId("run-present");
        present.setFocusTraversable(false);
        present.setTooltip(new javafx.scene.control.Tooltip("Presentation mode: full screen, only the graph and the "
                + "player (Ctrl+Shift+P); Esc leaves"));
        present.setOnAction(e -> presentation.enter());
        return present;
    }

    /** File ▸ Export's work: pictures of the views, slides and GIFs of a pass. */
    public org.gradviz.app.export.WindowExport exporter() {
        return exporter;
    }

    /** The blank screen, spotlight and text-size badge over the window. */
    LectureOverlay lecture() {
        return lecture;
    }

    /** Whether the screen is blanked (B; any key brings it back). */
    public boolean isBlanked() {
        return lecture.blankedProperty().get();
    }

    /** Whether the spotlight follows the mouse (L). */
    public boolean isSpotlightOn() {
        return lecture.spotlightProperty().get();
    }

    /**
     * Whether presentation mode is about to pack the network for the screen (the screen or the text size changed), or
     * is searching for the packing off the FX thread; false once it is applied.
     */
    public boolean isArrangingForScreen() {
        return screenFit.pendingProperty().get();
    }

    /** Whether presentation mode is on (Ctrl+Shift+P; Esc leaves). */
    public boolean isPresenting() {
        return presentation.isOn();
    }

    /** Shows the autograd view beside the network view, or hides it (View ▸ Autograd View, Ctrl+5). */
    public void setAutogradViewShown(boolean shown) {
        graphViews.setAutogradShown(shown);
    }

    /** Tidy layout off the FX thread, shown in the status bar, cancelled by another request. */
    static final class TidyAction {
        private final EditorModel model;
        private final GraphCanvas canvas;
        private final javafx.scene.control.ProgressIndicator progress = new javafx.scene.control.ProgressIndicator();
        private Task<java.util.Map<String, Position>> running;

        TidyAction(EditorModel model, GraphCanvas canvas) {
            this.model = model;
            this.canvas = canvas;
            progress.setVisible(false);
            progress.setPrefSize(20, 20);
        }

        javafx.scene.Node progress() {
            return progress;
        }

        void start() {
            if (running != null && running.isRunning()) {
                running.cancel();
                return;
            }
            run("Tidy layout");
        }

        /** Lays the boxes out again as one undoable edit named {@code edit}, replacing a layout still running. */
        void run(String edit) {
            if (running != null && running.isRunning()) {
                running.cancel();
            }
            run(places -> {
                model.apply(edit, d -> org.gradviz.app.editor.GraphEdits.move(d, places));
                return true;
            });
        }

        /**
         * Lays out the document just loaded as part of its load (nothing to undo): a cell's importer cannot know
         * how big its boxes are, so they pile up until the canvas has measured them; a document saved without
         * positions has none. The boxes go where Graphviz's layers put them, or packed for the canvas as it is now
         * ({@link ScreenArrangement}) when that shows them larger: a long chain of layers is too small to read in
         * half a window.
         */
        void startForLoad(int load) {
            if (running != null && running.isRunning()) {
                running.cancel();
            }
            var edges = model.document().edges();
            double width = canvas.getWidth() - 2 * GraphCanvas.FIT_MARGIN;
            double height = canvas.getHeight() - 2 * GraphCanvas.FIT_MARGIN;
            double gap = ScreenArrangement.GAP * model.display().fontScale();
            run((sizes, layers) -> {
                ScreenArrangement packing = new ScreenArrangement(sizes, edges, gap);
                return packing.arrange(width, height)
                        .filter(best -> packing.isWorthIt(best, layers, width, height, GraphCanvas.MAX_FIT_ZOOM))
                        .map(ScreenArrangement.Result::places).orElse(layers);
            }, places -> model.placeLoaded(load, places));
        }

        private void run(java.util.function.Predicate<java.util.Map<String, Position>> place) {
            run((sizes, layers) -> layers, place);
        }

        /**
         * Asks Graphviz for the layers, then {@code choose} where the boxes go given their sizes and the layers,
         * both off the FX thread; {@code place} puts them there, and the view is fitted to them.
         */
        private void run(java.util.function.BiFunction<java.util.Map<String, double[]>, java.util.Map<String, Position>,
                java.util.Map<String, Position>> choose, java.util.function.Predicate<java.util.Map<String, Position>> place) {
            var doc = model.document();
            var sizes = canvas.boxSizes();
            Task<java.util.Map<String, Position>> task = new Task<>() {
                @Override
                protected java.util.Map<String, Position> call() {
                    return choose.apply(sizes, new org.gradviz.app.editor.TidyLayout(
                            org.gradviz.app.render.GraphvizService.shared(null)).layout(doc, sizes));
                }
            };
            task.setOnSucceeded(e -> {
                progress.setVisible(false);
                if (model.document() == doc && place.test(task.getValue())) {
                    canvas.fit();
                }
            });
            task.setOnFailed(e -> {
                progress.setVisible(false);
                model.reportProblem("Tidy layout failed: " + task.getException().getMessage());
            });
            task.setOnCancelled(e -> progress.setVisible(false));
            progress.setVisible(true);
            running = task;
            Thread thread = new Thread(task, "gradviz-tidy-layout");
            thread.setDaemon(true);
            thread.start();
        }
    }
}
