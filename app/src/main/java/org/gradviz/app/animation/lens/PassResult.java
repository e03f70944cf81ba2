package org.gradviz.app.animation.lens;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.gradviz.app.animation.BoxValues;
import org.gradviz.app.animation.Recording;
import org.gradviz.app.animation.TensorValue;
import org.gradviz.app.animation.TraceEvent;
import org.gradviz.app.document.ShapeText;

/**
 * What a backward pass leaves behind, for the lens to show at its end: the {@code .grad} of every leaf the engine
 * accumulated into, in the order it first did, as the leaf's box shows it after the pass, with the gradcheck's
 * verdict on it.
 *
 * @param command what was run ({@code loss.backward()})
 */
public record PassResult(String command, List<LeafGrad> leaves) {

    public PassResult {
        Objects.requireNonNull(command, "command");
        leaves = List.copyOf(leaves);
    }

    /** What the gradcheck (autograd against finite differences) said of a leaf's gradient. */
    public enum Check { PASSED, FAILED, NOT_YET }

    /** One leaf's gradient after the pass. */
    public record LeafGrad(String name, TensorValue grad, Check check) {

        public LeafGrad {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(grad, "grad");
            Objects.requireNonNull(check, "check");
        }

        /** {@code (5, 3)}. */
        public String shape() {
            return ShapeText.of(grad.shape());
        }

        /** The values, 4 decimals as torch prints them, a matrix a row a line. */
        public List<String> rows() {
            return LensText.rows(grad);
        }
    }

    /**
     * The result of {@code recording}'s pass, with the gradcheck's verdicts by leaf ({@code true}: passed; a leaf not
     * in the map has none yet); empty when the pass wrote no leaf's {@code .grad}.
     */
    public static Optional<PassResult> of(Recording recording, Map<String, Boolean> checks) {
        Set<String> accumulated = new LinkedHashSet<>();
        for (TraceEvent event : recording.events()) {
            if (event instanceof TraceEvent.GradAccumulated a) {
                recording.elements().elementOfTensor(a.leafTensorId()).ifPresent(accumulated::add);
            }
        }
        var after = recording.after();
        List<LeafGrad> leaves = new ArrayList<>();
        for (String leaf : accumulated) {
            TensorValue grad = after.box(leaf).map(BoxValues::grad).orElse(null);
            if (grad != null) {
                Boolean passed = checks.get(leaf);
                leaves.add(new LeafGrad(leaf, grad,
                        passed == null ? Check.NOT_YET : passed ? Check.PASSED : Check.FAILED));
            }
        }
        return leaves.isEmpty() ? Optional.empty() : Optional.of(new PassResult(recording.command(), leaves));
    }
}
