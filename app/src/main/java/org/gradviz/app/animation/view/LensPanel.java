package org.gradviz.app.animation.view;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.gradviz.app.animation.LensModel;
import org.gradviz.app.animation.lens.ChainRuleView;
import org.gradviz.app.animation.lens.InputTerm;
import org.gradviz.app.animation.lens.LensValue;

/**
 * The chain-rule lens: for the node the engine is at, its rule and the real numbers: the upstream gradient
 * (and what it was summed from), then for each input the local derivative's values and the product sent. The
 * product is the rule's; a tick says it equals what the engine sent. Hidden when no node runs.
 */
public final class LensPanel extends VBox {
    public static final String STYLE = "lens-panel";

    public LensPanel(LensModel model) {
        getStyleClass().add(STYLE);
        setId("lens-panel");
        setPadding(new Insets(10, 14, 10, 14));
        setSpacing(4);
        setMaxWidth(USE_PREF_SIZE);
        setMaxHeight(USE_PREF_SIZE);
        show(model.currentProperty().get());
        model.currentProperty().addListener((obs, old, now) -> show(now));
    }

    private void show(ChainRuleView view) {
        getChildren().clear();
        setVisible(view != null);
        setManaged(view != null);
        if (view == null) {
            return;
        }
        add(view.title(), "lens-title");
        if (!view.rule().isEmpty()) {
            add(view.rule(), "lens-rule");
        }
        if (view.upstream() != null) {
            add("grad = " + view.upstream().text() + contributions(view), "lens-upstream");
        }
        for (InputTerm term : view.terms()) {
            add("→ " + term.input() + (term.formula().isEmpty() ? "" : " = " + term.formula()), "lens-term");
            for (LensValue local : term.local()) {
                add("    " + local.symbol() + " = " + local.text(), "lens-local");
            }
            boolean same = term.sent() != null && term.sent().equals(term.product().value());
            add("    = " + term.product().text() + (same ? "   ✓ the engine sent this" : ""), "lens-product");
        }
        if (!view.note().isEmpty()) {
            add(view.note(), "lens-note");
        }
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

    private void add(String text, String style) {
        Label label = new Label(text);
        label.getStyleClass().add(style);
        label.setWrapText(true);
        label.setMaxWidth(620);
        getChildren().add(label);
    }
}
