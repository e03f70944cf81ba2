package org.gradviz.engine.optim;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gradviz.engine.CpuCapability;
import org.gradviz.engine.DType;
import org.gradviz.engine.GradMode;
import org.gradviz.engine.Shape;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.TorchException;

/**
 * What every {@code torch.optim} optimiser shares: one parameter group, {@code zero_grad(set_to_none)} and
 * {@code step()}. Each subclass writes PyTorch 1.13's single-tensor ({@code foreach=False}) update as one loop over the
 * elements that applies torch's ops in turn, each rounded as its CPU kernel does for the dtype, so float32 parameters
 * take PyTorch's bits, updated in float32 in their own storage.
 *
 * <p>NOTE: {@code add_(other, alpha)} and {@code addcmul_} are fused multiply-adds in PyTorch's AVX2 build (vectorised
 * and tail loop alike, measured against torch 1.13): one rounding, not two ({@link CpuCapability#mulAdd}: two in the
 * default build); {@code addcmul_(t1, t2, value)} rounds {@code value·t1} first. {@code addcdiv_(t1, t2, value)} is {@code self + (value·t1)/t2}, each step rounded. A Python
 * number in an op is rounded to the parameter's dtype first.
 */
public abstract class Optimizer {
    private final List<Tensor> params;
    private double lr;
    /** torch's {@code optimizer.state}: each parameter's entries by name, in the order torch makes them. */
    private final Map<Tensor, Map<String, Object>> states = new IdentityHashMap<>();

    protected Optimizer(List<Tensor> params, double lr) {
        if (params.isEmpty()) {
            throw TorchException.value("optimizer got an empty parameter list");
        }
        for (Tensor p : params) {
            if (!p.isLeaf()) {
                throw TorchException.value("can't optimize a non-leaf Tensor");
            }
        }
        this.params = List.copyOf(params);
        this.lr = lr;
    }

    /** The group's learning rate, {@code param_groups[0]["lr"]}. */
    public double lr() {
        return lr;
    }

    /** Sets the learning rate the next {@link #step()} uses, as assigning {@code param_groups[0]["lr"]} does. */
    public void setLr(double lr) {
        this.lr = lr;
    }

    /** The optimised tensors, in the order given. */
    public List<Tensor> params() {
        return params;
    }

    /**
     * torch's {@code optimizer.state[p]}: the parameter's state entries by name in torch's order (tensors, whose values
     * the optimiser updates in place, or Python numbers), empty before its first step. Read only.
     */
    public Map<String, Object> state(Tensor p) {
        Map<String, Object> s = states.get(p);
        return s == null ? Map.of() : Collections.unmodifiableMap(s);
    }

    /**
     * {@code load_state_dict}'s part for one parameter: its state replaced by {@code entries} (tensors already cast and
     * copied as torch casts them). The optimiser reads them by name, so they must be the entries it would have made.
     */
    public void loadState(Tensor p, Map<String, Object> entries) {
        states.put(p, new LinkedHashMap<>(entries));
    }

    /** {@code load_state_dict}'s first part: every parameter's state dropped. */
    public void clearStates() {
        states.clear();
    }

    /** The state of {@code p} for a subclass to fill and update: empty the first time. */
    protected final Map<String, Object> stateOf(Tensor p) {
        return states.computeIfAbsent(p, k -> new LinkedHashMap<>());
    }

    /** A buffer entry of {@code p}'s state made now: zeros of the parameter's shape and dtype, {@code zeros_like}. */
    protected static Tensor zerosLike(Tensor p) {
        return p.dtype() == DType.FLOAT32 ? Tensor.fromFloats(p.shape(), new float[p.numel()])
                : Tensor.fromData(p.shape(), p.dtype(), new double[p.numel()]);
    }

    /**
     * A 0-dim state entry, {@code torch.tensor(value)}: the step counts and NAdam's mu_product, in the default dtype
     * when the state is made (float64 after {@code torch.set_default_dtype(torch.float64)}, whatever the parameter's).
     */
    protected static Tensor scalar(double value) {
        DType dtype = DType.defaultFloat();
        return dtype == DType.FLOAT32 ? Tensor.fromFloats(Shape.SCALAR, new float[] {(float) value})
                : Tensor.fromData(Shape.SCALAR, dtype, new double[] {value});
    }

    /**
     * {@code state[name] *= factor} on a 0-dim state tensor in its own dtype (a float32 one rounds the factor first, as
     * its CPU kernel does); the new value.
     */
    protected static double multiplyScalar(Map<String, Object> state, String name, double factor) {
        Tensor t = entry(state, name);
        if (t.dtype() == DType.FLOAT32) {
            float[] v = t.floats();
            v[0] *= (float) factor;
            return v[0];
        }
        double[] v = t.data();
        v[0] *= factor;
        return v[0];
    }

    /** The float32 values of a state tensor, its own storage, which the step updates in place. */
    protected static float[] floats(Map<String, Object> state, String name) {
        return entry(state, name).floats();
    }

    /** The values of a float64 state tensor, its own storage, which the step updates in place. */
    protected static double[] doubles(Map<String, Object> state, String name) {
        return entry(state, name).data();
    }

    /** A tensor of the state, or torch's KeyError when it has none of that name (a state loaded from another kind). */
    protected static Tensor entry(Map<String, Object> state, String name) {
        if (!(state.get(name) instanceof Tensor t)) {
            throw new TorchException("KeyError", "'" + name + "'");
        }
        return t;
    }

    /** Adds one to the step tensor of {@code state} in its dtype, as torch's {@code step_t += 1}; the new count. */
    protected static double countStep(Map<String, Object> state) {
        return addToScalar(state, "step", 1);
    }

    private static double addToScalar(Map<String, Object> state, String name, double value) {
        Tensor t = entry(state, name);
        if (t.dtype() == DType.FLOAT32) {
            float[] v = t.floats();
            v[0] += (float) value;
            return v[0];
        }
        double[] v = t.data();
        v[0] += value;
        return v[0];
    }

    /** Adds one to the Python int step of {@code state}, as RMSprop's and Adadelta's {@code state['step'] += 1}. */
    protected static void countIntStep(Map<String, Object> state) {
        state.put("step", ((Number) state.get("step")).longValue() + 1);
    }

    /** {@code optimizer.zero_grad()} as in PyTorch 1.13 ({@code set_to_none=False}): every existing gradient is zeroed. */
    public void zeroGrad() {
        zeroGrad(false);
    }

    /** {@code optimizer.zero_grad(set_to_none)}: clears every existing gradient, or zeroes it in place. */
    public void zeroGrad(boolean setToNone) {
        for (Tensor p : params) {
            Tensor g = p.gradOrNull();
            if (g == null) {
                continue;
            }
            if (setToNone) {
                p.setGrad(null);
            } else {
                g.zero_();
            }
        }
    }

    /** {@code optimizer.step()}: updates every parameter that has a gradient, without recording. */
    public final void step() {
        try (var g = GradMode.disabled()) {
            update();
        }
    }

    /** One update of every parameter with a gradient; runs with grad mode off. */
    private void update() {
        for (Tensor p : params) {
            Tensor g = p.gradOrNull();
            if (g == null) {
                continue;
            }
            if (p.dtype() == DType.FLOAT32) {
                float[] grad = g.floats();
                p.updateInPlace(inPlaceOps(), values -> updateFloats(p, values, grad), null);
            } else {
                double[] grad = g.data();
                p.updateInPlace(inPlaceOps(), null, values -> updateDoubles(p, values, grad));
            }
        }
    }

    /** How many in-place ops on the parameter torch's step makes (each bumps its version). */
    protected int inPlaceOps() {
        return 1;
    }

    /**
     * One float32 parameter's step in float32, element by element in the order of torch's ops, each rounded as the
     * op's CPU kernel rounds: {@code values} is the parameter's storage, {@code grad} its gradient (read only).
     */
    protected abstract void updateFloats(Tensor p, float[] values, float[] grad);

    /** The same step for a float64 parameter. */
    protected abstract void updateDoubles(Tensor p, double[] values, double[] grad);
}
