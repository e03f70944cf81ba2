package org.gradviz.engine.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.gradviz.engine.AccumulateGrad;
import org.gradviz.engine.Autograd;
import org.gradviz.engine.AutogradListener;
import org.gradviz.engine.DType;
import org.gradviz.engine.Edge;
import org.gradviz.engine.GradMode;
import org.gradviz.engine.Node;
import org.gradviz.engine.SavedTensor;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.Torch;
import org.gradviz.engine.TorchException;
import org.gradviz.engine.Warnings;
import org.gradviz.engine.ops.LinearAlgebra;
import org.gradviz.engine.ops.Losses;
import org.gradviz.engine.ops.Reduction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays every case of ../shared/golden/autograd-cases.json: each program is written here once in
 * Java, run on the engine, and every recorded fact compared: forward values, grad_fn names, the graph
 * (node names, next functions in order, saved attributes, AccumulateGrad leaves), grads and records.
 */
class AutogradGoldenTest {

    /** The Java translation of one golden program: fills {@code env} with its variables, {@code records}. */
    interface Program {
        void run(Map<String, Tensor> env, Map<String, Object> records, DType dtype);
    }

    private static final Map<String, Program> PROGRAMS = new HashMap<>();

    static {
        PROGRAMS.put("a_one_layer", (env, rec, dt) -> oneLayerForward(env).backward());
        PROGRAMS.put("a_one_layer_seed0", (env, rec, dt) -> oneLayerForward(env).backward());
        PROGRAMS.put("b_retain_graph_twice", (env, rec, dt) -> {
            Tensor loss = oneLayerForward(env);
            loss.backward(null, true);
            rec.put("w_grad_after_1", env.get("w").grad().detachedCopy());
            rec.put("b_grad_after_1", env.get("b").grad().detachedCopy());
            loss.backward(null, true);
            rec.put("w_grad_after_2", env.get("w").grad().detachedCopy());
            rec.put("b_grad_after_2", env.get("b").grad().detachedCopy());
            env.get("w").grad().zero_();
            rec.put("w_grad_after_zero", env.get("w").grad().detachedCopy());
            rec.put("b_grad_after_zero", env.get("b").grad().detachedCopy());
        });
        PROGRAMS.put("c_second_backward_error", (env, rec, dt) -> {
            Tensor loss = oneLayerForward(env);
            loss.backward();
            rec.put("w_grad_after_1", env.get("w").grad().detachedCopy());
            try {
                loss.backward();
            } catch (TorchException e) {
                rec.put("error", e);
            }
            rec.put("w_grad_after_failed_2", env.get("w").grad().detachedCopy());
        });
        PROGRAMS.put("d_no_grad_detach", (env, rec, dt) -> {
            Tensor x = env.get("x");
            Tensor w = env.get("w");
            Tensor b = env.get("b");
            Tensor z = LinearAlgebra.matmul(x, w).add(b);
            env.put("z", z);
            rec.put("z_requires_grad", z.requiresGrad());
            Tensor zNg;
            try (var g = GradMode.disabled()) {
                zNg = LinearAlgebra.matmul(x, w).add(b);
                env.put("z_ng", zNg);
                rec.put("grad_enabled_inside", GradMode.isEnabled());
            }
            rec.put("grad_enabled_outside", GradMode.isEnabled());
            rec.put("z_ng_requires_grad", zNg.requiresGrad());
            rec.put("z_ng_grad_fn", zNg.gradFn());
            rec.put("z_ng_is_leaf", zNg.isLeaf());
            Tensor zDet = z.detach();
            env.put("z_det", zDet);
            rec.put("z_det_requires_grad", zDet.requiresGrad());
            rec.put("z_det_grad_fn", zDet.gradFn());
            rec.put("z_det_is_leaf", zDet.isLeaf());
            rec.put("w_is_leaf", w.isLeaf());
            rec.put("z_is_leaf", z.isLeaf());
            rec.put("x_is_leaf", x.isLeaf());
            rec.put("w_grad_before_backward", w.grad());
        });
        PROGRAMS.put("e_eye_pow_t", (env, rec, dt) -> {
            Tensor inp = Torch.eye(4, 5, dt).requiresGrad_(true);
            env.put("inp", inp);
            Tensor out = inp.add(1).pow(2).t();
            env.put("out", out);
            out.backward(Torch.onesLike(out), true);
            rec.put("inp_grad_first_call", inp.grad().detachedCopy());
            out.backward(Torch.onesLike(out), true);
            rec.put("inp_grad_second_call", inp.grad().detachedCopy());
            inp.grad().zero_();
            rec.put("inp_grad_after_zero", inp.grad().detachedCopy());
            out.backward(Torch.onesLike(out), true);
            rec.put("inp_grad_after_zeroing_then_call", inp.grad().detachedCopy());
        });
        PROGRAMS.put("f1_square", (env, rec, dt) -> {
            Tensor x = Torch.scalar(4.0, dt).requiresGrad_(true);
            env.put("x", x);
            Tensor y = x.pow(2);
            env.put("y", y);
            y.backward();
        });
        PROGRAMS.put("f2_sin_of_square", (env, rec, dt) -> {
            Tensor a = Torch.scalar(16, dt).requiresGrad_(true);
            env.put("a", a);
            Tensor b = a.pow(2);
            env.put("b", b);
            Tensor c = b.sin();
            env.put("c", c);
            c.backward();
        });
        PROGRAMS.put("g_scalar_logistic", (env, rec, dt) -> {
            Tensor x = env.get("x");
            Tensor target = env.get("target");
            Tensor w = env.get("w");
            Tensor b = env.get("b");
            Tensor z = w.mul(x).add(b);
            env.put("z", z);
            Tensor yPred = z.sigmoid();
            env.put("y_pred", yPred);
            double eps = 1e-8;
            Tensor yPredC = yPred.clamp(eps, 1 - eps);
            env.put("y_pred_c", yPredC);
            Tensor loss = target.mul(yPredC.log()).add(target.rsub(1).mul(yPredC.rsub(1).log())).neg();
            env.put("loss", loss);
            loss.backward();
        });
        PROGRAMS.put("h_cubic_mean", (env, rec, dt) -> {
            Tensor x = env.get("x");
            Tensor three = Tensor.wrappedNumber(3, true);
            Tensor four = Tensor.wrappedNumber(4, true);
            Tensor y = x.pow(3).add(x.pow(2).mul(three)).sub(x.mul(four)).add(Tensor.wrappedNumber(5, true)).mean();
            env.put("y", y);
            y.backward();
        });
        PROGRAMS.put("i1_nonscalar_backward_error", (env, rec, dt) -> {
            Tensor out = env.get("x").mul(Tensor.wrappedNumber(2, true));
            env.put("out", out);
            try {
                out.backward();
            } catch (TorchException e) {
                rec.put("error", e);
            }
        });
        PROGRAMS.put("i2_no_grad_backward_error", (env, rec, dt) -> {
            Tensor s = env.get("t").sum();
            env.put("s", s);
            try {
                s.backward();
            } catch (TorchException e) {
                rec.put("error", e);
            }
        });
        PROGRAMS.put("i3_grad_shape_mismatch_error", (env, rec, dt) -> {
            Tensor out = env.get("x").mul(Tensor.wrappedNumber(2, true));
            env.put("out", out);
            try {
                out.backward(Torch.ones(dt, 2));
            } catch (TorchException e) {
                rec.put("error", e);
            }
        });
        PROGRAMS.put("j_nonleaf_grad_warning", (env, rec, dt) -> {
            Tensor loss = oneLayerForward(env);
            loss.backward(null, true);
            List<String> caught = new ArrayList<>();
            var previous = Warnings.setHandler(caught::add);
            Tensor zg;
            try {
                zg = env.get("z").grad();
            } finally {
                Warnings.setHandler(previous);
            }
            rec.put("z_grad", zg);
            rec.put("warnings", caught);
            env.get("z").retainGrad();
            env.get("w").setGrad(null);
            env.get("b").setGrad(null);
            loss.backward();
            rec.put("z_grad_after_retain_grad", env.get("z").grad().detachedCopy());
            rec.put("z_retains_grad", env.get("z").retainsGrad());
        });
    }

    private static Tensor oneLayerForward(Map<String, Tensor> env) {
        Tensor z = LinearAlgebra.matmul(env.get("x"), env.get("w")).add(env.get("b"));
        env.put("z", z);
        Tensor loss = Losses.binaryCrossEntropyWithLogits(z, env.get("y"), Reduction.MEAN);
        env.put("loss", loss);
        return loss;
    }

    @SuppressWarnings("unchecked")
    static Stream<Arguments> cases() {
        List<Object> cases = (List<Object>) Golden.autogradCases().get("cases");
        return cases.stream().map(c -> Arguments.of(((Map<String, Object>) c).get("name"), c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @SuppressWarnings("unchecked")
    void engineReproducesTheGoldenCase(String name, Map<String, Object> c) {
        Program program = PROGRAMS.get((String) c.get("case"));
        assertNotNull(program, "no Java translation for golden case " + c.get("case"));
        DType dtype = DType.fromShortName((String) c.get("dtype"));
        Map<String, Tensor> env = new LinkedHashMap<>();
        for (Object in : (List<Object>) c.get("inputs")) {
            Map<String, Object> spec = (Map<String, Object>) in;
            env.put((String) spec.get("name"), Golden.tensor(spec));
        }
        Map<String, Object> records = new LinkedHashMap<>();
        // the golden graphs were recorded before backward() freed the saved tensors: snapshot them then
        Map<Tensor, List<NodeFacts>> snapshots = new IdentityHashMap<>();
        AutogradListener snapshotter = new AutogradListener() {
            @Override
            public void backwardStarted(Tensor root, Tensor seed) {
                snapshots.computeIfAbsent(root, r -> facts(r.gradFn()));
            }
        };
        Autograd.addListener(snapshotter);
        try {
            program.run(env, records, dtype);
        } finally {
            Autograd.removeListener(snapshotter);
        }

        for (Object f : (List<Object>) c.get("forward")) {
            Map<String, Object> spec = (Map<String, Object>) f;
            Tensor actual = env.get((String) spec.get("name"));
            assertNotNull(actual, "program did not define " + spec.get("name"));
            assertTensor(spec, actual, "forward " + spec.get("name"));
        }
        for (Map.Entry<String, Object> e : ((Map<String, Object>) c.get("grad_fn")).entrySet()) {
            Node fn = env.get(e.getKey()).gradFn();
            assertEquals(e.getValue(), fn == null ? null : fn.name(), "grad_fn of " + e.getKey());
        }
        for (Map.Entry<String, Object> e : ((Map<String, Object>) c.get("graphs")).entrySet()) {
            Tensor root = env.get(e.getKey());
            List<NodeFacts> graph = snapshots.containsKey(root) ? snapshots.get(root) : facts(root.gradFn());
            assertGraph((Map<String, Object>) e.getValue(), graph, env, "graph of " + e.getKey());
        }
        for (Map.Entry<String, Object> e : ((Map<String, Object>) c.get("grads")).entrySet()) {
            Tensor grad = env.get(e.getKey()).gradOrNull();
            if (e.getValue() == null) {
                assertNull(grad, "grad of " + e.getKey());
            } else {
                assertNotNull(grad, "grad of " + e.getKey());
                assertValues(Golden.flatten(e.getValue()), grad, "grad of " + e.getKey());
            }
        }
        for (Map.Entry<String, Object> e : ((Map<String, Object>) c.get("records")).entrySet()) {
            assertTrue(records.containsKey(e.getKey()), "program did not record " + e.getKey());
            assertRecord(e.getValue(), records.get(e.getKey()), env, "record " + e.getKey());
        }
    }

    @SuppressWarnings("unchecked")
    private static void assertRecord(Object expected, Object actual, Map<String, Tensor> env, String what) {
        if (expected instanceof Map && ((Map<String, Object>) expected).containsKey("exception")) {
            Map<String, Object> err = (Map<String, Object>) expected;
            assertTrue(actual instanceof TorchException, what + ": expected an exception, got " + actual);
            TorchException e = (TorchException) actual;
            assertEquals(err.get("exception"), e.pythonType(), what);
            assertEquals(err.get("message"), e.getMessage(), what);
        } else if (expected instanceof Map) {
            assertTrue(actual instanceof Tensor, what + ": expected a tensor, got " + actual);
            assertTensor((Map<String, Object>) expected, (Tensor) actual, what);
        } else if (expected instanceof List) {
            List<Object> warnings = (List<Object>) expected;
            List<String> got = (List<String>) actual;
            assertEquals(warnings.size(), got.size(), what + ": number of warnings");
            for (int i = 0; i < warnings.size(); i++) {
                assertEquals(((Map<String, Object>) warnings.get(i)).get("message_normalized"), got.get(i), what);
            }
        } else {
            assertEquals(expected, actual, what);
        }
    }

    @SuppressWarnings("unchecked")
    private static void assertTensor(Map<String, Object> spec, Tensor actual, String what) {
        List<Object> shape = (List<Object>) spec.get("shape");
        assertEquals(shape.stream().map(o -> ((Number) o).intValue()).toList(),
                java.util.Arrays.stream(actual.size()).boxed().toList(), what + ": shape");
        assertEquals(spec.get("dtype"), actual.dtype().shortName(), what + ": dtype");
        assertValues(Golden.flatten(spec.get("values")), actual, what);
        assertEquals(spec.get("requires_grad"), actual.requiresGrad(), what + ": requires_grad");
        assertEquals(spec.get("is_leaf"), actual.isLeaf(), what + ": is_leaf");
        assertEquals(spec.get("grad_fn"), actual.gradFn() == null ? null : actual.gradFn().name(), what + ": grad_fn");
    }

    static void assertValues(double[] expected, Tensor actual, String what) {
        double[] got = actual.data();
        assertEquals(expected.length, got.length, what + ": numel");
        boolean f32 = actual.dtype() == DType.FLOAT32;
        for (int i = 0; i < expected.length; i++) {
            double tol = f32 ? 1e-6 * Math.max(1, Math.abs(expected[i])) : 1e-12 * Math.max(1, Math.abs(expected[i]));
            if (Math.abs(expected[i] - got[i]) > tol) {
                fail(what + ": element " + i + " expected " + expected[i] + " but was " + got[i]);
            }
        }
    }

    /** What the test compares of one node, taken while its saved tensors are still there. */
    record NodeFacts(String name, List<String> next, List<Integer> inputNrs, Tensor variable,
            Map<String, Object> saved) {
    }

    /** The graph in the golden's order: pre-order over next functions, each node once, ids n0, n1, .... */
    private static List<NodeFacts> facts(Node root) {
        Map<Node, String> ids = new IdentityHashMap<>();
        List<Node> order = new ArrayList<>();
        collect(root, ids, order);
        List<NodeFacts> out = new ArrayList<>();
        for (Node node : order) {
            List<String> next = new ArrayList<>();
            List<Integer> inputNrs = new ArrayList<>();
            for (Edge e : node.nextFunctions()) {
                next.add(e.function() == null ? null : ids.get(e.function()));
                inputNrs.add(e.inputNr());
            }
            Map<String, Object> saved = new LinkedHashMap<>();
            node.savedValues().forEach((k, v) -> saved.put(k, v instanceof SavedTensor s ? s.unpack() : v));
            Tensor variable = node instanceof AccumulateGrad acc ? acc.variable() : null;
            out.add(new NodeFacts(node.name(), next, inputNrs, variable, saved));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void assertGraph(Map<String, Object> graph, List<NodeFacts> order, Map<String, Tensor> env,
            String what) {
        List<Object> nodes = (List<Object>) graph.get("nodes");
        assertEquals(nodes.size(), order.size(), what + ": number of nodes");
        for (int i = 0; i < nodes.size(); i++) {
            Map<String, Object> expected = (Map<String, Object>) nodes.get(i);
            NodeFacts node = order.get(i);
            String where = what + " node " + expected.get("id") + " (" + expected.get("name") + ")";
            assertEquals(expected.get("name"), node.name(), where + ": name");
            List<Object> next = (List<Object>) expected.get("next");
            assertEquals(next.size(), node.next().size(), where + ": number of next functions");
            for (int k = 0; k < next.size(); k++) {
                Map<String, Object> e = (Map<String, Object>) next.get(k);
                assertEquals(e.get("node"), node.next().get(k), where + ": next[" + k + "]");
                assertEquals(((Number) e.get("input_nr")).intValue(), node.inputNrs().get(k), where + ": input_nr");
            }
            if (expected.containsKey("variable")) {
                assertSame(env.get((String) expected.get("variable")), node.variable(), where + ": variable");
            }
            if (expected.get("saved") != null) {
                assertSaved((Map<String, Object>) expected.get("saved"), node.saved(), env, where);
            }
        }
    }

    private static void collect(Node node, Map<Node, String> ids, List<Node> order) {
        if (node == null || ids.containsKey(node)) {
            return;
        }
        ids.put(node, "n" + order.size());
        order.add(node);
        for (Edge e : node.nextFunctions()) {
            collect(e.function(), ids, order);
        }
    }

    @SuppressWarnings("unchecked")
    private static void assertSaved(Map<String, Object> expected, Map<String, Object> actual,
            Map<String, Tensor> env, String where) {
        assertEquals(expected.keySet(), actual.keySet(), where + ": saved attribute names");
        for (Map.Entry<String, Object> e : expected.entrySet()) {
            Object want = e.getValue();
            Object got = actual.get(e.getKey());
            String attr = where + ": saved " + e.getKey();
            if (want instanceof Map) {
                Map<String, Object> spec = (Map<String, Object>) want;
                assertTrue(got instanceof Tensor, attr + " should be a tensor, was " + got);
                Tensor t = (Tensor) got;
                assertEquals(((List<Object>) spec.get("shape")).stream().map(o -> ((Number) o).intValue()).toList(),
                        java.util.Arrays.stream(t.size()).boxed().toList(), attr + ": shape");
                assertEquals(spec.get("dtype"), t.dtype().shortName(), attr + ": dtype");
                if (spec.containsKey("is")) {
                    assertSame(env.get((String) spec.get("is")), t, attr + " is " + spec.get("is"));
                }
            } else if (want instanceof List) {
                List<Object> list = (List<Object>) want;
                assertEquals(list.stream().map(o -> ((Number) o).longValue()).toList(), got, attr);
            } else if (want instanceof Number) {
                assertTrue(got instanceof Number, attr + " should be a number, was " + got);
                assertEquals(((Number) want).doubleValue(), ((Number) got).doubleValue(), 0.0, attr);
            } else {
                assertEquals(want, got, attr);
            }
        }
    }
}
