package org.gradviz.app.script.runtime;

import java.util.List;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.ops.Moments;

/**
 * {@code torch.var}/{@code torch.std} and the methods {@code t.var(...)}/{@code t.std(...)}, in torch 1.13's forms:
 * {@code (unbiased)}, {@code (dim, unbiased=True, keepdim=False)} and {@code (dim=None, *, correction=None,
 * keepdim=False)}; a dim is an int or a one-element tuple or list.
 */
final class TensorMoments {

    private TensorMoments() {
    }

    static Tensor call(Args a, boolean sqrt) {
        Call c = parse(a, sqrt ? "std" : "var");
        if (c.dim() == null) {
            if (c.keepDim()) {
                throw new Unsupported("'" + c.name() + "(keepdim=True)' over every dim");
            }
            return Moments.all(c.input(), c.correction(), sqrt);
        }
        return Moments.along(c.input(), c.dim(), c.correction(), c.keepDim(), sqrt);
    }

    /** {@code torch.var_mean(...)} / {@code torch.std_mean(...)}: the tuple (var or std, mean), same arguments. */
    static PyTuple withMean(Args a, boolean sqrt) {
        Call c = parse(a, sqrt ? "std_mean" : "var_mean");
        Tensor[] r = Moments.withMean(c.input(), c.dim(), c.correction(), c.keepDim(), sqrt);
        return PyTuple.of(r[0], r[1]);
    }

    /** A call's arguments: the one dim reduced (null: all of them). */
    private record Call(String name, Tensor input, Integer dim, double correction, boolean keepDim) {
    }

    private static Call parse(Args a, String name) {
        a.accept(4, "input", "dim", "unbiased", "keepdim", "correction");
        Tensor input = a.tensor(0, "input");
        List<Object> positional = a.positional();
        Object dim = null;
        Object unbiased = a.keywords().get("unbiased");
        Object keepdim = a.keywords().get("keepdim");
        if (positional.size() > 1 && positional.get(1) instanceof Boolean b) {
            if (positional.size() > 2) {
                throw new Unsupported("'" + name + "(unbiased, ...)' with more positional arguments");
            }
            unbiased = b;
        } else {
            dim = positional.size() > 1 ? positional.get(1) : a.keywords().get("dim");
            unbiased = positional.size() > 2 ? positional.get(2) : unbiased;
            keepdim = positional.size() > 3 ? positional.get(3) : keepdim;
        }
        Object correction = a.keywords().get("correction");
        if (correction != null && correction != PyNone.NONE && unbiased != null) {
            throw new Unsupported("'" + name + "()' with both unbiased= and correction=");
        }
        double c = correction != null && correction != PyNone.NONE ? Values.toDouble(correction, name + "(): correction")
                : unbiased == null || Values.truthy(unbiased) ? 1 : 0;
        boolean keep = keepdim != null && Values.truthy(keepdim);
        return new Call(name, input, singleDim(dim, name), c, keep);
    }

    /** The one dim reduced, or null for all of them. */
    private static Integer singleDim(Object dim, String name) {
        if (dim == null || dim == PyNone.NONE) {
            return null;
        }
        if (Values.isInteger(dim) && !(dim instanceof Boolean)) {
            return (int) Ints.int64(dim);
        }
        List<?> dims = Values.items(dim);
        if (dims != null && dims.size() == 1 && Values.isInteger(dims.get(0))) {
            return (int) Ints.int64(dims.get(0));
        }
        throw new Unsupported("'" + name + "()' over several dims");
    }
}
