package org.gradviz.app.script.runtime;

import static org.gradviz.app.script.runtime.NnModule.method;
import static org.gradviz.app.script.runtime.NnModule.nnClass;
import static org.gradviz.app.script.runtime.NnModule.self;

import java.util.Map;
import org.gradviz.engine.DType;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.Torch;
import org.gradviz.engine.ops.Embedding;

/**
 * {@code nn.Embedding(num_embeddings, embedding_dim, padding_idx=None)} and {@code F.embedding}: a lookup table of
 * rows (the op table's embedding row; a padding row is the engine's own). The table is drawn as torch 1.13's
 * {@code reset_parameters} draws it: {@code normal_()} from the default generator, then the padding row set to 0.
 */
final class NnEmbedding {
    private static final Object REQUIRED = Signature.REQUIRED;
    private static final String[] REFUSED = {"max_norm", "norm_type", "scale_grad_by_freq", "sparse", "_weight"};

    private NnEmbedding() {
    }

    /** {@code torch.nn.Embedding}, the module spelling of the embedding row. */
    static PyClass module() {
        PyClass c = nnClass("Embedding", "sparse", NnModule.MODULE);
        Signature init = Signature.of("Embedding.__init__", "self", REQUIRED, "num_embeddings", REQUIRED,
                "embedding_dim", REQUIRED, "padding_idx", PyNone.NONE, "max_norm", PyNone.NONE, "norm_type", 2.0,
                "scale_grad_by_freq", false, "sparse", false, "_weight", PyNone.NONE, "device", PyNone.NONE,
                "dtype", PyNone.NONE);
        method(c, "__init__", a -> {
            Object[] v = init.bind(a);
            refuseOptions("nn.Embedding", v, 4);
            PyInstance self = self(a);
            NnLayers.initModule(self);
            long rows = size(v[1]);
            long width = size(v[2]);
            if (rows < 0 || width < 0) {
                throw new PyError("RuntimeError", "Trying to create tensor with negative dimension "
                        + (rows < 0 ? rows : width) + ": [" + rows + ", " + width + "]");
            }
            Object padding = v[3] == PyNone.NONE ? PyNone.NONE : (Object) paddingIndex(v[3], rows);
            self.setOwn("num_embeddings", v[1]);
            self.setOwn("embedding_dim", v[2]);
            self.setOwn("padding_idx", padding);
            PyDevice.check(new Args("Embedding", java.util.List.of(), Map.of("device", v[9])), -1);
            DType dtype = v[10] == PyNone.NONE ? DType.defaultFloat() : v[10] instanceof DType d ? d : null;
            if (dtype == null || !dtype.isFloatingPoint()) {
                throw new Unsupported("'nn.Embedding(dtype=" + Values.repr(v[10]) + ")'");
            }
            Tensor drawn = Torch.randn(dtype, (int) rows, (int) width);
            double[] values = drawn.data().clone();
            if (padding instanceof Long p) {
                java.util.Arrays.fill(values, (int) (p * width), (int) ((p + 1) * width), 0.0);
            }
            Tensor weight = Tensor.fromData(drawn.shape(), dtype, values);
            NnModule.setAttribute(self, "weight", NnParameter.mark(weight.requiresGrad_(true)));
            NnFunctionalForms.reportDrawn("weight", weight);
            return PyNone.NONE;
        });
        method(c, "forward", a -> {
            Object[] v = Signature.of("Embedding.forward", "self", REQUIRED, "input", REQUIRED).bind(a);
            PyInstance self = self(a);
            Object padding = self.attribute("padding_idx");
            return Embedding.embedding((Tensor) self.attribute("weight"), indices(v[1]),
                    padding instanceof Long p ? p : -1);
        });
        method(c, "extra_repr", a -> {
            PyInstance self = self(a);
            String s = Values.str(self.attribute("num_embeddings")) + ", "
                    + Values.str(self.attribute("embedding_dim"));
            Object padding = self.attribute("padding_idx");
            return padding == PyNone.NONE ? s : s + ", padding_idx=" + Values.str(padding);
        });
        return c;
    }

    /** {@code F.embedding(input, weight, padding_idx=None)}: its op table row's unless padding_idx is given. */
    static PyCallable function() {
        Signature s = Signature.of("embedding", "input", REQUIRED, "weight", REQUIRED, "padding_idx", PyNone.NONE,
                "max_norm", PyNone.NONE, "norm_type", 2.0, "scale_grad_by_freq", false, "sparse", false);
        return a -> {
            Object[] v = s.bind(a);
            refuseOptions("F.embedding", v, 3);
            if (!(v[1] instanceof Tensor weight)) {
                throw PyError.type("embedding(): argument 'weight' (position 1) must be Tensor, not "
                        + Values.typeName(v[1]));
            }
            if (v[2] == PyNone.NONE) {
                return TableOps.functional().get("embedding").call(new Args("embedding",
                        java.util.List.of(indices(v[0]), weight), Map.of()));
            }
            long padding = paddingIndex(v[2], weight.dim() > 0 ? weight.shape().dim(0) : 0);
            return Embedding.embedding(weight, indices(v[0]), padding);
        };
    }

    /** max_norm, norm_type, scale_grad_by_freq and sparse left at their defaults (from {@code first} on). */
    private static void refuseOptions(String name, Object[] v, int first) {
        Object[] defaults = {PyNone.NONE, 2.0, false, false, PyNone.NONE};
        for (int i = 0; i < defaults.length && first + i < v.length; i++) {
            Object given = v[first + i];
            boolean isDefault = defaults[i] instanceof Double d ? given instanceof Number n && n.doubleValue() == d
                    : defaults[i] instanceof Boolean ? Boolean.FALSE.equals(given) || Long.valueOf(0).equals(given)
                    : given == PyNone.NONE;
            if (!isDefault) {
                throw new Unsupported("'" + name + "(" + REFUSED[i] + "=...)'");
            }
        }
    }

    /** padding_idx counted from the end when negative, with torch's assertion when it is not a row. */
    private static long paddingIndex(Object given, long rows) {
        if (!Values.isInteger(given) || given instanceof Boolean) {
            throw new Unsupported("'padding_idx' of a " + Values.typeName(given));
        }
        long p = Ints.int64(given);
        if (p >= rows || p < -rows) {
            throw new PyError("AssertionError", "Padding_idx must be within num_embeddings");
        }
        return p < 0 ? rows + p : p;
    }

    private static Tensor indices(Object v) {
        if (v instanceof Tensor t) {
            return t;
        }
        throw PyError.type("embedding(): argument 'indices' (position 2) must be Tensor, not " + Values.typeName(v));
    }

    private static long size(Object v) {
        if (!Values.isInteger(v) || v instanceof Boolean) {
            throw new Unsupported("'nn.Embedding' with a size that is a " + Values.typeName(v));
        }
        return Ints.int64(v);
    }
}
