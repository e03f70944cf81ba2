package org.gradviz.app.animation.view;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.layout.VBox;
import org.gradviz.app.animation.lens.PassResult;
import org.gradviz.app.animation.lens.PassResult.Check;
import org.gradviz.app.animation.lens.PassResult.LeafGrad;

/**
 * The lens's blocks for a pass's result ({@link PassResult}): a head with what was run, the gradcheck's verdict and
 * the keys to go on with, then a block per leaf: {@code w.grad  (5, 3)  ✓} and its values, a row a line. Back at the
 * pass's start, one block: what is about to run and the keys to go through it ({@link #start}).
 */
final class PassResultBlocks {
    /** What the presenter can do at the end of the pass. */
    static final String KEYS = "Home: replay from the start   ←: step back";

    private PassResultBlocks() {
    }

    /** At the start of the pass: no taller than the result's head, which the lens band is measured for. */
    static VBox start(PassResult result) {
        VBox head = LensPanel.block();
        LensPanel.add(head, "before " + result.command(), "lens-title");
        LensPanel.add(head, "→: the engine's next step   ←: back", "lens-rule");
        LensPanel.add(head, "End: each leaf's .grad, as the pass leaves it", "lens-note");
        return head;
    }

    static List<VBox> of(PassResult result) {
        List<VBox> blocks = new ArrayList<>();
        VBox head = LensPanel.block();
        LensPanel.add(head, "after " + result.command(), "lens-title");
        LensPanel.add(head, "each leaf's .grad, as the engine wrote it", "lens-rule");
        LensPanel.add(head, verdict(result.leaves()), "lens-sent");
        LensPanel.add(head, KEYS, "lens-note");
        blocks.add(head);
        for (LeafGrad leaf : result.leaves()) {
            VBox block = LensPanel.block();
            LensPanel.add(block, leaf.name() + ".grad  " + leaf.shape() + mark(leaf.check()), "lens-term");
            for (String row : leaf.rows()) {
                LensPanel.add(block, "  " + row, "lens-product");
            }
            blocks.add(block);
        }
        return blocks;
    }

    /** One line on all the leaves: every gradient passed the gradcheck, which did not, or none is known yet. */
    private static String verdict(List<LeafGrad> leaves) {
        List<String> failed = leaves.stream().filter(l -> l.check() == Check.FAILED).map(LeafGrad::name).toList();
        if (!failed.isEmpty()) {
            return "✗ gradcheck: " + String.join(", ", failed) + " differ" + (failed.size() == 1 ? "s" : "")
                    + " from finite differences";
        }
        if (leaves.stream().anyMatch(l -> l.check() == Check.NOT_YET)) {
            return "gradcheck: not done yet";
        }
        return "✓ gradcheck: autograd = finite differences";
    }

    private static String mark(Check check) {
        return switch (check) {
            case PASSED -> "  ✓";
            case FAILED -> "  ✗";
            case NOT_YET -> "";
        };
    }
}
