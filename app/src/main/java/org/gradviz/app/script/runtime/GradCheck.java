package org.gradviz.app.script.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gradviz.app.script.ast.BinaryOp;
import org.gradviz.engine.DType;
import org.gradviz.engine.Gradients;
import org.gradviz.engine.Shape;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.Torch;
import org.gradviz.engine.Warnings;

/**
 * {@code torch.autograd.gradcheck} and {@code gradgradcheck} in torch 1.13's slow mode: each output's Jacobian by
 * central differences (every input element moved by ±eps through {@code .data}, so autograd does not see it) against
 * the one backward gives, one unit grad_output per output element (twice, to check reentrancy); a mismatch beyond
 * {@code atol + rtol·|numerical|} is torch's GradcheckError.
 */
final class GradCheck {
    private static final PyClass GRADCHECK_ERROR = new PyClass("GradcheckError", "torch.autograd.gradcheck",
            ExceptionTypes.named("RuntimeError"));

    private GradCheck() {
    }

    static Object gradcheck(Args a) {
        Object[] v = Signature.of("gradcheck", "func", Signature.REQUIRED, "inputs", Signature.REQUIRED, "eps", 1e-6,
                "atol", 1e-5, "rtol", 1e-3, "raise_exception", true, "check_sparse_nnz", false, "nondet_tol", 0.0,
                "check_undefined_grad", true, "check_grad_dtypes", false, "check_batched_grad", false,
                "check_batched_forward_grad", false, "check_forward_ad", false, "check_backward_ad", true,
                "fast_mode", false).bind(a);
        refuse(v, new int[] {6, 10, 11, 12, 14}, new String[] {"check_sparse_nnz", "check_batched_grad",
            "check_batched_forward_grad", "check_forward_ad", "fast_mode"});
        return run((PyCallable) callable(v[0]), inputs(v[1]), number(v[2], "eps"), number(v[3], "atol"),
                number(v[4], "rtol"), Values.truthy(v[5]), number(v[7], "nondet_tol"));
    }

    static Object gradgradcheck(Args a) {
        Object[] v = Signature.of("gradgradcheck", "func", Signature.REQUIRED, "inputs", Signature.REQUIRED,
                "grad_outputs", PyNone.NONE, "eps", 1e-6, "atol", 1e-5, "rtol", 1e-3, "gen_non_contig_grad_outputs",
                false, "raise_exception", true, "nondet_tol", 0.0, "check_undefined_grad", true,
                "check_grad_dtypes", false, "check_batched_grad", false, "check_fwd_over_rev", false,
                "check_rev_over_rev", true, "fast_mode", false).bind(a);
        refuse(v, new int[] {6, 11, 12, 14}, new String[] {"gen_non_contig_grad_outputs", "check_batched_grad",
            "check_fwd_over_rev", "fast_mode"});
        PyCallable func = callable(v[0]);
        List<Object> inputs = inputs(v[1]);
        List<Object> gradOutputs = new ArrayList<>();
        if (v[2] == PyNone.NONE) {
            List<Tensor> outs = outputs(func.call(new Args("func", new ArrayList<>(inputs), Map.of())));
            outs.removeIf(t -> !t.requiresGrad());
            for (Tensor out : outs) {
                gradOutputs.add(madeTensor(out));
            }
        } else {
            gradOutputs.addAll(inputs(v[2]));
        }
        int n = gradOutputs.size();
        PyCallable secondOrder = args -> {
            List<Object> all = args.positional();
            List<Object> inputArgs = all.subList(0, all.size() - n);
            List<Tensor> seeds = new ArrayList<>();
            all.subList(all.size() - n, all.size()).forEach(s -> seeds.add((Tensor) s));
            List<Tensor> outs = outputs(func.call(new Args("func", new ArrayList<>(inputArgs), Map.of())));
            outs.removeIf(t -> !t.requiresGrad());
            List<Tensor> wrt = new ArrayList<>();
            inputArgs.forEach(x -> {
                if (x instanceof Tensor t && t.requiresGrad()) {
                    wrt.add(t);
                }
            });
            Tensor[] grads = Gradients.grad(outs, seeds.subList(0, outs.size()), wrt, true, true, true);
            List<Object> out = new ArrayList<>();
            for (Tensor g : grads) {
                if (g != null) {
                    out.add(g);
                }
            }
            return new PyTuple(out);
        };
        List<Object> all = new ArrayList<>(inputs);
        all.addAll(gradOutputs);
        return run(secondOrder, all, number(v[3], "eps"), number(v[4], "atol"), number(v[5], "rtol"),
                Values.truthy(v[7]), number(v[8], "nondet_tol"));
    }

    /**
     * torch.testing's {@code make_tensor(shape, dtype, low=-1, high=1, requires_grad=True)}: {@code r = rand(shape)},
     * then {@code 1 * r + -1 * (1 - r)}, drawn from the default generator as torch draws it.
     */
    private static Tensor madeTensor(Tensor like) {
        DType dtype = like.dtype().isFloatingPoint() ? like.dtype() : DType.FLOAT64;
        Tensor r = Torch.rand(dtype, like.shape().dims());
        Object high = TensorArithmetic.apply(BinaryOp.MUL, 1L, r);
        Object low = TensorArithmetic.apply(BinaryOp.MUL, -1L, TensorArithmetic.apply(BinaryOp.SUB, 1L, r));
        return ((Tensor) TensorArithmetic.apply(BinaryOp.ADD, high, low)).requiresGrad_(true);
    }

    private static void refuse(Object[] v, int[] at, String[] names) {
        for (int i = 0; i < at.length; i++) {
            if (Values.truthy(v[at[i]])) {
                throw new Unsupported("'gradcheck(" + names[i] + "=True)'");
            }
        }
    }

    private static PyCallable callable(Object f) {
        if (!(f instanceof PyCallable c)) {
            throw PyError.type("'" + Values.typeName(f) + "' object is not callable");
        }
        return c;
    }

    private static double number(Object v, String name) {
        return Values.toDouble(v, "gradcheck(): argument '" + name + "'");
    }

    /** torch's {@code _as_tuple}: a tuple's or list's items, else the value alone. */
    private static List<Object> inputs(Object v) {
        if (v instanceof PyTuple t) {
            return new ArrayList<>(t.items());
        }
        if (v instanceof List<?> l) {
            return new ArrayList<>(l);
        }
        return new ArrayList<>(List.of(v));
    }

    private static List<Tensor> outputs(Object returned) {
        List<Tensor> out = new ArrayList<>();
        for (Object o : inputs(returned)) {
            if (o instanceof Tensor t) {
                out.add(t);
            }
        }
        return out;
    }

    private static Object run(PyCallable func, List<Object> inputs, double eps, double atol, double rtol,
            boolean raise, double nondetTol) {
        List<Tensor> diff = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            if (inputs.get(i) instanceof Tensor t && t.requiresGrad()) {
                if (t.dtype() != DType.FLOAT64) {
                    Warnings.warn("Input #" + i + " requires gradient and is not a double precision floating point "
                            + "or complex. This check will likely fail if all the inputs are not of double precision "
                            + "floating point or complex. ");
                }
                diff.add(t);
            }
        }
        if (diff.isEmpty()) {
            throw PyError.value("gradcheck expects at least one input tensor to require gradient, but none of the "
                    + "them have requires_grad=True.");
        }
        try {
            check(func, inputs, diff, eps, atol, rtol, nondetTol);
        } catch (PyError e) {
            if (raise || e.exception().cls() != GRADCHECK_ERROR) {
                throw e;
            }
            return false;
        }
        return true;
    }

    private static void check(PyCallable func, List<Object> inputs, List<Tensor> diff, double eps, double atol,
            double rtol, double nondetTol) {
        List<Tensor> outs = outputs(func.call(new Args("func", new ArrayList<>(inputs), Map.of())));
        List<Tensor> differentiable = new ArrayList<>(outs);
        differentiable.removeIf(t -> !t.requiresGrad());
        if (differentiable.isEmpty()) {
            throw new Unsupported("'gradcheck' of a function with no differentiable output");
        }
        Tensor[][] numerical = numerical(func, inputs, diff, outs.size(), eps);
        for (int i = 0; i < differentiable.size(); i++) {
            Tensor[] analytical = analytical(differentiable.get(i), diff);
            Tensor[] again = analytical(differentiable.get(i), diff);
            for (int j = 0; j < diff.size(); j++) {
                if (!close(analytical[j], again[j], nondetTol, 0)) {
                    throw error("Backward is not reentrant, i.e., running backward with same input and grad_output "
                            + "multiple times gives different values, although analytical gradient matches "
                            + "numerical gradient.The tolerance for nondeterminism was " + Values.str(nondetTol)
                            + ".\n\nNOTE: If your op relies on non-deterministic operations i.e., it is listed "
                            + "here:\nhttps://pytorch.org/docs/stable/generated/torch.use_deterministic_algorithms."
                            + "html\nthis failure might be expected.\n\nIf you are adding a new operator, please "
                            + "file an issue and then use one of the\nworkarounds. The workaround depends on how "
                            + "your test invokes gradcheck/gradgradcheck.\nIf the test\n- manually invokes "
                            + "gradcheck/gradgradcheck, then call gradcheck/gradgradcheck\n  with "
                            + "`nondet_tol=<tol>` as a keyword argument.\n- is OpInfo-based (e.g., in "
                            + "test_ops_gradients.py), then modify the OpInfo for the test\n  to have "
                            + "`gradcheck_nondet_tol=<tol>`.\n- is a Module test (e.g., in common_nn.py), then "
                            + "modify the corresponding\n  module_test entry to have `gradcheck_nondet_tol=<tol>`\n");
                }
                Tensor n = numerical[i][j];
                if (!close(analytical[j], n, atol, rtol)) {
                    throw error("Jacobian mismatch for output " + i + " with respect to input " + j + ",\n"
                            + "numerical:" + Values.str(n) + "\nanalytical:" + Values.str(analytical[j]) + "\n");
                }
            }
        }
    }

    /** [output][input]: (f(x + eps) - f(x - eps)) / (2 eps), one row per input element. */
    private static Tensor[][] numerical(PyCallable func, List<Object> inputs, List<Tensor> diff, int outputs,
            double eps) {
        double[][][] columns = new double[outputs][diff.size()][];
        int[] outNumel = new int[outputs];
        for (int j = 0; j < diff.size(); j++) {
            Tensor x = diff.get(j);
            Tensor alias = x.dataAlias();
            double[] original = x.data().clone();
            for (int k = 0; k < original.length; k++) {
                List<Tensor> below = shifted(func, inputs, alias, original, k, original[k] - eps);
                List<Tensor> above = shifted(func, inputs, alias, original, k, original[k] + eps);
                alias.assignInPlace(Tensor.fromData(x.shape(), x.dtype(), original.clone()));
                for (int i = 0; i < outputs; i++) {
                    Object slope = TensorArithmetic.apply(BinaryOp.DIV, TensorArithmetic.apply(BinaryOp.SUB,
                            above.get(i).detach(), below.get(i).detach()), 2 * eps);
                    double[] d = ((Tensor) slope).data();
                    if (columns[i][j] == null) {
                        outNumel[i] = d.length;
                        columns[i][j] = new double[original.length * d.length];
                    }
                    System.arraycopy(d, 0, columns[i][j], k * d.length, d.length);
                }
            }
        }
        Tensor[][] out = new Tensor[outputs][diff.size()];
        for (int i = 0; i < outputs; i++) {
            for (int j = 0; j < diff.size(); j++) {
                int rows = diff.get(j).numel();
                double[] values = columns[i][j] == null ? new double[0] : columns[i][j];
                out[i][j] = Tensor.fromData(Shape.of(rows, outNumel[i]), diff.get(j).dtype(), values);
            }
        }
        return out;
    }

    private static List<Tensor> shifted(PyCallable func, List<Object> inputs, Tensor alias, double[] original,
            int k, double value) {
        double[] moved = original.clone();
        moved[k] = value;
        alias.assignInPlace(Tensor.fromData(alias.shape(), alias.dtype(), alias.dtype().roundAll(moved)));
        return outputs(func.call(new Args("func", new ArrayList<>(inputs), Map.of())));
    }

    /** One backward per element of {@code output}, its unit grad_output; column j of input i's Jacobian. */
    private static Tensor[] analytical(Tensor output, List<Tensor> diff) {
        int m = output.numel();
        double[][] values = new double[diff.size()][];
        for (int i = 0; i < diff.size(); i++) {
            values[i] = new double[diff.get(i).numel() * m];
        }
        for (int col = 0; col < m; col++) {
            double[] unit = new double[m];
            unit[col] = 1;
            Tensor seed = Tensor.fromData(output.shape(), output.dtype(), unit);
            Tensor[] grads = Gradients.grad(List.of(output), List.of(seed), diff, true, false, true);
            for (int i = 0; i < diff.size(); i++) {
                if (grads[i] != null) {
                    double[] g = grads[i].data();
                    for (int r = 0; r < g.length; r++) {
                        values[i][r * m + col] = g[r];
                    }
                }
            }
        }
        Tensor[] out = new Tensor[diff.size()];
        for (int i = 0; i < diff.size(); i++) {
            out[i] = Tensor.fromData(Shape.of(diff.get(i).numel(), m), diff.get(i).dtype(), values[i]);
        }
        return out;
    }

    /** {@code torch.allclose(a, b, rtol, atol)} of two Jacobians of one shape. */
    private static boolean close(Tensor a, Tensor b, double atol, double rtol) {
        return a.shape().equals(b.shape()) && org.gradviz.engine.ops.Closeness.allclose(a, b, rtol, atol, false);
    }

    private static PyError error(String message) {
        return PyError.ofClass(GRADCHECK_ERROR, "torch.autograd.gradcheck.GradcheckError", message);
    }
}
