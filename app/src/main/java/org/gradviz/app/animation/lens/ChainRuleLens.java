package org.gradviz.app.animation.lens;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gradviz.app.animation.TraceEvent;
import org.gradviz.app.animation.TraceEvent.GradientSent;

/**
 * The lens of every backward node gradviz's ops record, looked up by the node's PyTorch name; a node without one
 * gets the fallback, which shows the gradients in and out without a formula.
 */
public final class ChainRuleLens {
    private static final Map<String, NodeLens> LENSES = index();

    private ChainRuleLens() {
    }

    private static Map<String, NodeLens> index() {
        List<NodeLens> all = new ArrayList<>();
        all.addAll(ArithmeticLenses.lenses());
        all.addAll(PointwiseLenses.lenses());
        all.addAll(ReductionLenses.lenses());
        all.addAll(MovementLenses.lenses());
        all.addAll(ProductLenses.lenses());
        all.addAll(LossLenses.lenses());
        all.add(new AccumulateGradLens());
        Map<String, NodeLens> byName = new LinkedHashMap<>();
        for (NodeLens lens : all) {
            if (byName.put(lens.nodeName(), lens) != null) {
                throw new IllegalStateException("two lenses for " + lens.nodeName());
            }
        }
        return Collections.unmodifiableMap(byName);
    }

    /** The node names that have a lens of their own, in a fixed order. */
    public static Set<String> nodeNames() {
        return LENSES.keySet();
    }

    /** Whether {@code nodeName} has a lens of its own (else {@link #explain} shows gradients without a rule). */
    public static boolean covers(String nodeName) {
        return LENSES.containsKey(nodeName);
    }

    /** The lens of every node run in a recording, in the engine's order. */
    public static List<ChainRuleView> explainAll(List<TraceEvent> events) {
        return NodeRuns.of(events).stream().map(ChainRuleLens::explain).toList();
    }

    /**
     * The chain rule of one node run, with its numbers. A saved value the rule needs but the recording lacks
     * (freed by an earlier backward) turns it into the fallback's view, with a note saying which.
     */
    public static ChainRuleView explain(NodeRun run) {
        String name = run.started().name();
        LensContext c = new LensContext(run.started());
        try {
            return view(run, LENSES.getOrDefault(name, new GenericLens(name)), c, null);
        } catch (MissingSavedValue e) {
            return view(run, new GenericLens(name), c, e.getMessage());
        }
    }

    private static ChainRuleView view(NodeRun run, NodeLens lens, LensContext c, String problem) {
        int id = run.started().nodeId();
        String title = run.started().name();
        List<LensValue> contributions = contributions(run);
        if (c.grad() == null) {
            return new ChainRuleView(id, title, lens.rule(c), null, contributions, List.of(),
                    "no gradient arrived, so nothing is sent", lens.derived());
        }
        LensValue upstream = LensValue.of("grad", c.grad());
        String note = problem != null ? problem
                : contributions.size() > 1 ? "grad is the sum of " + contributions.size() + " incoming gradients" : "";
        return new ChainRuleView(id, title, lens.rule(c), upstream, contributions, lens.terms(run, c, upstream), note,
                lens.derived());
    }

    /** The seed at the root, else each gradient that arrived along an edge, named by the node that sent it. */
    private static List<LensValue> contributions(NodeRun run) {
        List<LensValue> out = new ArrayList<>();
        if (run.seed() != null) {
            out.add(LensValue.of("seed", run.seed()));
        }
        for (GradientSent in : run.incoming()) {
            out.add(LensValue.of("from " + in.fromName(), in.grad()));
        }
        return out;
    }
}
