package org.gradviz.app.animation.view;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.gradviz.app.animation.LensModel;
import org.gradviz.app.animation.lens.ChainRuleView;
import org.gradviz.app.animation.lens.InputTerm;
import org.gradviz.app.animation.lens.LensValue;
import org.gradviz.app.animation.lens.PassResult;

/**
 * The chain-rule lens: for the node the engine is at, its rule and the real numbers: the upstream gradient
 * (and what it was summed from), then for each input the local derivative's values and the product sent. The
 * product is the rule's; a tick says it equals what the engine sent. Hidden when no node runs.
 * <p>
 * Its lines come in blocks (the rule and the upstream gradient, one block per input, the note), stacked one under
 * another beside a node, or side by side as far as a width allows ({@link #arrange}) in presentation mode's band
 * ({@link LensBand}).
 */
public final class LensPanel extends VBox {
    public static final String STYLE = "lens-panel";
    /** Space between two blocks side by side. */
    private static final double BLOCK_GAP = 28;
    /** Space between two lines, and between two blocks one under another. */
    private static final double SPACING = 4;

    private final ReadOnlyObjectWrapper<ChainRuleView> shown = new ReadOnlyObjectWrapper<>(this, "shown");
    private final ReadOnlyObjectWrapper<PassResult> shownResult = new ReadOnlyObjectWrapper<>(this, "shownResult");
    private final ReadOnlyIntegerWrapper shownCount = new ReadOnlyIntegerWrapper(this, "shownCount");
    private final List<VBox> blocks = new ArrayList<>();
    /** How the blocks are laid out now; null before the first. */
    private Layout layout;

    public LensPanel(LensModel model) {
        this();
        setId("lens-panel");
        show(model.currentProperty().get());
        model.currentProperty().addListener((obs, old, now) -> show(now));
    }

    /** A lens that shows what it is told ({@link #show}): a probe to measure lenses not on screen. */
    LensPanel() {
        getStyleClass().add(STYLE);
        setPadding(new Insets(10, 14, 10, 14));
        setSpacing(SPACING);
        setMaxWidth(USE_PREF_SIZE);
        setMaxHeight(USE_PREF_SIZE);
    }

    /** The lens shown, null when none. */
    public ReadOnlyObjectProperty<ChainRuleView> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /**
     * The pass's result, at the end of a pass stepped through ({@link LensModel#finishedProperty}), and how to go on
     * when back at its start ({@link LensModel#rewoundProperty}), in the lens's style: a panel whose place, and
     * whether it shows, the caller decides ({@link LensPlacement}).
     */
    public static LensPanel passResult(LensModel model) {
        LensPanel panel = new LensPanel();
        panel.setId("lens-result");
        panel.setVisible(false);
        Runnable update = () -> {
            PassResult result = model.resultProperty().get();
            if (model.finishedProperty().get()) {
                panel.show(result);
            } else if (model.rewoundProperty().get() && result != null) {
                panel.showStart(result);
            } else {
                panel.show((PassResult) null);
            }
        };
        model.finishedProperty().addListener((obs, old, now) -> update.run());
        model.rewoundProperty().addListener((obs, old, now) -> update.run());
        model.resultProperty().addListener((obs, old, now) -> update.run());
        update.run();
        return panel;
    }

    /** How many texts the panel has shown: one more each time it is told what to show (not when it is arranged). */
    public ReadOnlyIntegerProperty shownCountProperty() {
        return shownCount.getReadOnlyProperty();
    }

    /** The pass's result shown, null when none ({@link #passResult}). */
    public ReadOnlyObjectProperty<PassResult> shownResultProperty() {
        return shownResult.getReadOnlyProperty();
    }

    void show(ChainRuleView view) {
        setVisible(view != null);
        setManaged(view != null);
        showBlocks(view == null ? List.of() : blocks(view));
        shown.set(view);
    }

    /** Shows {@code result}'s blocks ({@link PassResultBlocks}); whether the panel is visible is left as it is. */
    void show(PassResult result) {
        showBlocks(result == null ? List.of() : PassResultBlocks.of(result));
        shownResult.set(result);
    }

    /** Shows how to go through the pass of {@code result} from its start ({@link PassResultBlocks#start}). */
    private void showStart(PassResult result) {
        showBlocks(List.of(PassResultBlocks.start(result)));
        shownResult.set(result);
    }

    private void showBlocks(List<VBox> next) {
        shownCount.set(shownCount.get() + 1);
        blocks.clear();
        layout = null;
        getChildren().clear();
        if (!next.isEmpty()) {
            blocks.addAll(next);
            group(Layout.STACKED);
        }
    }

    /**
     * Lays the blocks out as densely as {@code width} allows (the whole panel's, unscaled): of the arrangements that
     * fit, the lowest: all side by side; the rule and the upstream gradient beside the inputs' blocks, one under
     * another; or above them, side by side; else every block one under another, as beside a node (a width of 0).
     */
    void arrange(double width) {
        if (blocks.isEmpty()) {
            return;
        }
        applyCss();
        Insets insets = getInsets();
        double room = width - insets.getLeft() - insets.getRight();
        VBox head = blocks.get(0);
        List<VBox> rest = blocks.subList(1, blocks.size());
        double headWidth = head.prefWidth(-1);
        double headHeight = head.prefHeight(-1);
        double restWidest = 0;
        double restTallest = 0;
        double restRow = 0; // side by side
        double restColumn = 0; // one under another
        for (VBox block : rest) {
            double w = block.prefWidth(-1);
            double h = block.prefHeight(-1);
            restWidest = Math.max(restWidest, w);
            restTallest = Math.max(restTallest, h);
            restRow += (restRow > 0 ? BLOCK_GAP : 0) + w;
            restColumn += (restColumn > 0 ? SPACING : 0) + h;
        }
        Layout best = Layout.STACKED;
        double lowest = Double.MAX_VALUE;
        for (Layout candidate : Layout.values()) {
            double[] size = switch (candidate) {
                case ROW -> new double[] {headWidth + BLOCK_GAP + restRow, Math.max(headHeight, restTallest)};
                case HEAD_BESIDE -> new double[] {headWidth + BLOCK_GAP + restWidest, Math.max(headHeight, restColumn)};
                case HEAD_ABOVE -> new double[] {Math.max(headWidth, restRow), headHeight + SPACING + restTallest};
                case STACKED -> new double[] {Math.max(headWidth, restWidest), headHeight + SPACING + restColumn};
            };
            if (size[0] <= room && size[1] < lowest - 0.5) {
                best = candidate;
                lowest = size[1];
            }
        }
        group(rest.isEmpty() ? Layout.STACKED : best);
    }

    /** How the blocks are laid out; the order in which {@link #arrange} prefers them when as low. */
    private enum Layout { ROW, HEAD_BESIDE, HEAD_ABOVE, STACKED }

    /** Lays the blocks out as {@code next}; nothing changes when they are so already. */
    private void group(Layout next) {
        if (next == layout) {
            return;
        }
        layout = next;
        List<VBox> rest = blocks.subList(1, blocks.size());
        switch (next) {
            case STACKED -> getChildren().setAll(blocks);
            case ROW -> getChildren().setAll(new HBox(BLOCK_GAP, blocks.toArray(Node[]::new)));
            case HEAD_BESIDE -> getChildren().setAll(new HBox(BLOCK_GAP, blocks.get(0),
                    new VBox(SPACING, rest.toArray(Node[]::new))));
            case HEAD_ABOVE -> getChildren().setAll(blocks.get(0), new HBox(BLOCK_GAP, rest.toArray(Node[]::new)));
        }
    }

    private static List<VBox> blocks(ChainRuleView view) {
        List<VBox> blocks = new ArrayList<>();
        VBox head = block();
        add(head, view.title(), "lens-title");
        for (String line : view.ruleLines()) { // one line per input: the head stays narrow enough to go beside them
            add(head, line, "lens-rule");
        }
        if (view.upstream() != null) {
            add(head, "grad = " + view.upstream().text() + contributions(view), "lens-upstream");
        }
        // said once when true of every input, else on the line of each input it is true of
        boolean allSent = !view.terms().isEmpty() && view.terms().stream().allMatch(LensPanel::sentAsComputed);
        if (allSent) {
            add(head, view.terms().size() == 1 ? "✓ the = line is what the engine sent"
                    : "✓ each = line is what the engine sent", "lens-sent");
        }
        blocks.add(head);
        for (InputTerm term : view.terms()) {
            VBox input = block();
            add(input, "→ " + term.input() + (term.formula().isEmpty() ? "" : " = " + term.formula()), "lens-term");
            for (LensValue local : term.local()) {
                add(input, "    " + local.symbol() + " = " + local.text(), "lens-local");
            }
            boolean tick = !allSent && sentAsComputed(term);
            add(input, "    = " + term.product().text() + (tick ? "   ✓ the engine sent this" : ""), "lens-product");
            blocks.add(input);
        }
        if (!view.note().isEmpty()) {
            VBox note = block();
            add(note, view.note(), "lens-note");
            blocks.add(note);
        }
        return blocks;
    }

    /** Whether the engine sent the input what the rule computes. */
    private static boolean sentAsComputed(InputTerm term) {
        return term.sent() != null && term.sent().equals(term.product().value());
    }

    static VBox block() {
        VBox block = new VBox(SPACING);
        block.setMinWidth(USE_PREF_SIZE);
        return block;
    }

    private static String contributions(ChainRuleView view) {
        if (view.contributions().size() < 2) {
            return "";
        }
        StringBuilder sb = new StringBuilder("  (sum of ");
        for (int i = 0; i < view.contributions().size(); i++) {
            sb.append(i > 0 ? " + " : "").append(view.contributions().get(i).text());
        }
        return sb.append(')').toString();
    }

    static void add(VBox block, String text, String style) {
        Label label = new Label(text);
        label.getStyleClass().add(style);
        label.setWrapText(true);
        label.setMaxWidth(620);
        block.getChildren().add(label);
    }
}
