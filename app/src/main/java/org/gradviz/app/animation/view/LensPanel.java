package org.gradviz.app.animation.view;

import java.util.ArrayList;
import java.util.List;
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

    private final ReadOnlyObjectWrapper<ChainRuleView> shown = new ReadOnlyObjectWrapper<>(this, "shown");
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
        setSpacing(4);
        setMaxWidth(USE_PREF_SIZE);
        setMaxHeight(USE_PREF_SIZE);
    }

    /** The lens shown, null when none. */
    public ReadOnlyObjectProperty<ChainRuleView> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    void show(ChainRuleView view) {
        blocks.clear();
        layout = null;
        getChildren().clear();
        setVisible(view != null);
        setManaged(view != null);
        if (view != null) {
            blocks.addAll(blocks(view));
            group(Layout.STACKED);
        }
        shown.set(view);
    }

    /**
     * Lays the blocks out as wide as {@code width} allows (the whole panel's, unscaled): all side by side; else the
     * rule and the upstream gradient beside the inputs' blocks, one under another; else every block one under
     * another, as beside a node (a width of 0).
     */
    void arrange(double width) {
        if (blocks.isEmpty()) {
            return;
        }
        applyCss();
        Insets insets = getInsets();
        double room = width - insets.getLeft() - insets.getRight();
        double head = blocks.get(0).prefWidth(-1);
        double all = head;
        double rest = 0;
        for (VBox block : blocks.subList(1, blocks.size())) {
            double w = block.prefWidth(-1);
            all += BLOCK_GAP + w;
            rest = Math.max(rest, w);
        }
        group(all <= room ? Layout.ROW : blocks.size() > 1 && head + BLOCK_GAP + rest <= room ? Layout.HEAD_BESIDE
                : Layout.STACKED);
    }

    /** How the blocks are laid out. */
    private enum Layout { STACKED, ROW, HEAD_BESIDE }

    /** Lays the blocks out as {@code next}; nothing changes when they are so already. */
    private void group(Layout next) {
        if (next == layout) {
            return;
        }
        layout = next;
        switch (next) {
            case STACKED -> getChildren().setAll(blocks);
            case ROW -> getChildren().setAll(new HBox(BLOCK_GAP, blocks.toArray(Node[]::new)));
            case HEAD_BESIDE -> {
                VBox inputs = new VBox(4, blocks.subList(1, blocks.size()).toArray(Node[]::new));
                getChildren().setAll(new HBox(BLOCK_GAP, blocks.get(0), inputs));
            }
        }
    }

    private static List<VBox> blocks(ChainRuleView view) {
        List<VBox> blocks = new ArrayList<>();
        VBox head = block();
        add(head, view.title(), "lens-title");
        if (!view.rule().isEmpty()) {
            add(head, view.rule(), "lens-rule");
        }
        if (view.upstream() != null) {
            add(head, "grad = " + view.upstream().text() + contributions(view), "lens-upstream");
        }
        blocks.add(head);
        for (InputTerm term : view.terms()) {
            VBox input = block();
            add(input, "→ " + term.input() + (term.formula().isEmpty() ? "" : " = " + term.formula()), "lens-term");
            for (LensValue local : term.local()) {
                add(input, "    " + local.symbol() + " = " + local.text(), "lens-local");
            }
            boolean same = term.sent() != null && term.sent().equals(term.product().value());
            add(input, "    = " + term.product().text() + (same ? "   ✓ the engine sent this" : ""), "lens-product");
            blocks.add(input);
        }
        if (!view.note().isEmpty()) {
            VBox note = block();
            add(note, view.note(), "lens-note");
            blocks.add(note);
        }
        return blocks;
    }

    private static VBox block() {
        VBox block = new VBox(4);
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

    private static void add(VBox block, String text, String style) {
        Label label = new Label(text);
        label.getStyleClass().add(style);
        label.setWrapText(true);
        label.setMaxWidth(620);
        block.getChildren().add(label);
    }
}
