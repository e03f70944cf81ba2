package org.gradviz.app.editor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gradviz.app.document.GraphDocument;
import org.gradviz.engine.DType;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.Torch;

/**
 * A gradient check of a document, as {@code torch.autograd.gradcheck} does it: for every leaf that requires grad,
 * the engine's autograd gradient of the output (summed when it is not a scalar, as Backward's {@code ones_like}
 * gradient sums it) against central finite differences, both on float64 copies of the leaves (gradcheck asks for
 * double precision: with a step h = {@value #STEP} the rounding error of a difference is about 2e-10 · |f|,
 * far below the tolerance). An element passes when |autograd − numeric| ≤ {@value #ATOL} + {@value #RTOL} ·
 * |numeric|, torch's defaults (atol=1e-5, rtol=1e-3); at a kink see {@link ElementCheck}.
 *
 * <p>{@link #of} copies the leaves at once, on the thread that owns them; {@link #run} then works on its copies
 * only (never the live tensors or their {@code .grad}), may run on any thread, and stops when that thread is
 * interrupted (checked between elements). A leaf of more than {@code maxElementsPerLeaf} elements is checked at
 * that many evenly spaced elements ({@link LeafGradCheck#checks()} says which).
 */
public final class GradCheck {
    public static final double ATOL = 1e-5;
    public static final double RTOL = 1e-3;
    public static final double STEP = 1e-6;
    public static final int MAX_ELEMENTS_PER_LEAF = 100;

    private final GraphDocument document;
    private final Map<String, Tensor> leaves;
    private final Map<String, String> leafErrors;
    private final List<String> requiringGrad;
    private final int maxElementsPerLeaf;

    private GradCheck(GraphDocument document, Map<String, Tensor> leaves, Map<String, String> leafErrors,
            List<String> requiringGrad, int maxElementsPerLeaf) {
        this.document = document;
        this.leaves = leaves;
        this.leafErrors = leafErrors;
        this.requiringGrad = requiringGrad;
        this.maxElementsPerLeaf = maxElementsPerLeaf;
    }

    /** A check of {@code document} at the values of {@code leaves}, copied now. */
    public static GradCheck of(GraphDocument document, Evaluation leaves) {
        return of(document, leaves, MAX_ELEMENTS_PER_LEAF);
    }

    /** A check of at most {@code maxElementsPerLeaf} elements of each leaf. */
    public static GradCheck of(GraphDocument document, Evaluation leaves, int maxElementsPerLeaf) {
        if (maxElementsPerLeaf < 1) {
            throw new IllegalArgumentException("maxElementsPerLeaf must be at least 1, got " + maxElementsPerLeaf);
        }
        Map<String, Tensor> copies = new LinkedHashMap<>();
        List<String> requiringGrad = new ArrayList<>();
        leaves.values().forEach((name, leaf) -> {
            copies.put(name, float64(leaf.data(), leaf));
            if (leaf.requiresGrad()) {
                requiringGrad.add(name);
            }
        });
        return new GradCheck(document, copies, leaves.errors(), requiringGrad, maxElementsPerLeaf);
    }

    /**
     * Runs the check. Throws {@link IllegalStateException} with the editor's message when the graph has no output
     * or cannot compute it, and {@link InterruptedException} when the thread is interrupted.
     */
    public GradCheckReport run() throws InterruptedException {
        String output = outputName();
        Map<String, double[]> autograd = autogradGradients(output);
        double center = outputSum(leaves, output);
        List<LeafGradCheck> checks = new ArrayList<>();
        for (String name : requiringGrad) {
            checks.add(checkLeaf(name, autograd.get(name), center, output));
        }
        return new GradCheckReport(output, checks);
    }

    private String outputName() {
        String output = document.output();
        if (output == null || document.node(output).isEmpty()) {
            throw new IllegalStateException("no output chosen: mark a node as the output to backward from");
        }
        return output;
    }

    /** The engine's gradient of the summed output for every leaf that requires grad (zeros where none reached it). */
    private Map<String, double[]> autogradGradients(String output) {
        Map<String, Tensor> graphLeaves = new LinkedHashMap<>();
        leaves.forEach((name, leaf) -> graphLeaves.put(name, float64(leaf.data(), leaf)
                .requiresGrad_(requiringGrad.contains(name))));
        Tensor out = evaluate(graphLeaves, true, output);
        Map<String, double[]> grads = new LinkedHashMap<>();
        if (out.requiresGrad()) {
            out.backward(out.numel() == 1 ? null : Torch.onesLike(out), false);
        }
        for (String name : requiringGrad) {
            Tensor grad = graphLeaves.get(name).gradOrNull();
            grads.put(name, grad == null ? new double[graphLeaves.get(name).numel()] : grad.data().clone());
        }
        return grads;
    }

    private LeafGradCheck checkLeaf(String name, double[] autograd, double center, String output)
            throws InterruptedException {
        int elements = leaves.get(name).numel();
        List<ElementCheck> checks = new ArrayList<>();
        for (int index : sampledIndices(elements, maxElementsPerLeaf)) {
            if (Thread.interrupted()) {
                throw new InterruptedException("gradcheck cancelled at " + name + "[" + index + "]");
            }
            FiniteDifference fd = new FiniteDifference(moved(name, index, -STEP, output), center,
                    moved(name, index, STEP, output), STEP);
            checks.add(ElementCheck.compare(index, autograd[index], fd));
        }
        return new LeafGradCheck(name, elements, checks);
    }

    /** All indices when there are at most {@code max}, else {@code max} evenly spaced ones from 0. */
    static int[] sampledIndices(int elements, int max) {
        int count = Math.min(elements, max);
        int[] indices = new int[count];
        for (int i = 0; i < count; i++) {
            indices[i] = (int) ((long) i * elements / count);
        }
        return indices;
    }

    /** The summed output with element {@code index} of leaf {@code name} moved by {@code delta}. */
    private double moved(String name, int index, double delta, String output) {
        Tensor leaf = leaves.get(name);
        double[] data = leaf.data().clone();
        data[index] += delta;
        Map<String, Tensor> values = new LinkedHashMap<>(leaves);
        values.put(name, float64(data, leaf));
        return outputSum(values, output);
    }

    private double outputSum(Map<String, Tensor> values, String output) {
        double sum = 0;
        for (double v : evaluate(values, false, output).data()) {
            sum += v;
        }
        return sum;
    }

    private Tensor evaluate(Map<String, Tensor> values, boolean recordGraph, String output) {
        Evaluation result = GraphEvaluator.run(document, new Evaluation(values, leafErrors), recordGraph);
        return result.value(output).orElseThrow(() -> new IllegalStateException(result.errors().values().stream()
                .findFirst().orElse(output + " has no value: connect every input on the way to it")));
    }

    /** A float64 tensor over a copy of {@code data}, shaped like {@code like}, that requires no grad. */
    /** {@code data} in float64, or in {@code like}'s dtype when that is no float (int64 indices stay indices). */
    private static Tensor float64(double[] data, Tensor like) {
        return Tensor.fromData(like.shape(), like.dtype().isFloatingPoint() ? DType.FLOAT64 : like.dtype(),
                data.clone());
    }
}
