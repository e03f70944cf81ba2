package org.gradviz.app.script.runtime;

import static org.gradviz.app.script.runtime.NnModule.method;
import static org.gradviz.app.script.runtime.NnModule.nnClass;
import static org.gradviz.app.script.runtime.NnModule.self;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gradviz.engine.DType;
import org.gradviz.engine.Shape;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.Torch;
import org.gradviz.engine.ops.BatchNorm;
import org.gradviz.engine.ops.LayerNorm;

/**
 * {@code nn.BatchNorm1d}, {@code nn.BatchNorm2d}, {@code nn.LayerNorm}, {@code F.batch_norm} and
 * {@code F.layer_norm} as torch 1.13's {@code torch/nn/modules/batchnorm.py}, {@code normalization.py} and
 * {@code functional.py} write them: the modules' attributes, Parameters (weight 1, bias 0) and buffers
 * (running_mean 0, running_var 1, num_batches_tracked 0) in torch's order, {@code train()}/{@code eval()}, momentum
 * None as the cumulative average, and torch's errors; the numbers are the engine's ({@link BatchNorm},
 * {@link LayerNorm}). A document has no node for them.
 */
final class NnNormalization {
    private static final Object REQUIRED = Signature.REQUIRED;

    private NnNormalization() {
    }

    /** The module classes. */
    static List<PyClass> modules() {
        PyClass base = nnClass("_BatchNorm", "batchnorm", NnModule.MODULE);
        defineBatchNorm(base);
        PyClass one = nnClass("BatchNorm1d", "batchnorm", base);
        method(one, "_check_input_dim", a -> {
            Tensor input = NnLayers.input(a.positional().get(1), "batch_norm");
            if (input.dim() != 2 && input.dim() != 3) {
                throw PyError.value("expected 2D or 3D input (got " + input.dim() + "D input)");
            }
            return PyNone.NONE;
        });
        PyClass two = nnClass("BatchNorm2d", "batchnorm", base);
        method(two, "_check_input_dim", a -> {
            Tensor input = NnLayers.input(a.positional().get(1), "batch_norm");
            if (input.dim() != 4) {
                throw PyError.value("expected 4D input (got " + input.dim() + "D input)");
            }
            return PyNone.NONE;
        });
        return List.of(one, two, layerNorm());
    }

    /** {@code F.batch_norm} and {@code F.layer_norm}. */
    static void addTo(Map<String, Object> functional) {
        Signature batch = Signature.of("batch_norm", "input", REQUIRED, "running_mean", REQUIRED, "running_var",
                REQUIRED, "weight", PyNone.NONE, "bias", PyNone.NONE, "training", false, "momentum", 0.1, "eps",
                1e-5);
        functional.put("batch_norm", new Builtin("batch_norm", a -> {
            Object[] v = batch.bind(a);
            return batchNorm(NnLayers.input(v[0], "batch_norm"), optional(v[1], "running_mean"),
                    optional(v[2], "running_var"), optional(v[3], "weight"), optional(v[4], "bias"),
                    Values.truthy(v[5]), Values.toDouble(v[6], "batch_norm(): argument 'momentum'"),
                    Values.toDouble(v[7], "batch_norm(): argument 'eps'"));
        }));
        Signature layer = Signature.of("layer_norm", "input", REQUIRED, "normalized_shape", REQUIRED, "weight",
                PyNone.NONE, "bias", PyNone.NONE, "eps", 1e-5);
        functional.put("layer_norm", new Builtin("layer_norm", a -> {
            Object[] v = layer.bind(a);
            if (!(v[1] instanceof PyTuple || v[1] instanceof List || v[1] instanceof Shape)) {
                throw PyError.type("layer_norm(): argument 'normalized_shape' (position 2) must be tuple of ints, "
                        + "not " + Values.typeName(v[1]));
            }
            return LayerNorm.layerNorm(NnLayers.input(v[0], "layer_norm"), ints(v[1]), optional(v[2], "weight"),
                    optional(v[3], "bias"), Values.toDouble(v[4], "layer_norm(): argument 'eps'"));
        }));
    }

    /**
     * {@code F.batch_norm}: a training call first checks that each channel sees more than one value
     * ({@code _verify_batch_size}), then {@code torch.batch_norm}.
     */
    private static Tensor batchNorm(Tensor input, Tensor runningMean, Tensor runningVar, Tensor weight, Tensor bias,
            boolean training, double momentum, double eps) {
        if (input.dim() < 2) {
            if (input.dim() == 0) {
                throw new Unsupported("'batch_norm' of a 0-d input");
            }
            throw PyError.index("Dimension out of range (expected to be in range of [-1, 0], but got 1)");
        }
        if (input.numel() == 0) {
            throw new Unsupported("'batch_norm' of an empty input");
        }
        if (!input.isContiguous()) {
            // NOTE: torch takes other kernels (TensorIterator loops, at::mean) for a strided input
            throw new Unsupported("'batch_norm' of a non-contiguous input (e.g. a transposed view; call "
                    + ".contiguous())");
        }
        if (training) {
            long values = input.shape().dim(0);
            for (int i = 2; i < input.dim(); i++) {
                values *= input.shape().dim(i);
            }
            if (values == 1) {
                throw PyError.value("Expected more than 1 value per channel when training, got input size "
                        + input.shape());
            }
        }
        for (Tensor t : new Tensor[] {weight, bias, runningMean, runningVar}) {
            if (t != null && t.dtype() != input.dtype()) {
                throw new PyError("RuntimeError", "mixed dtype (CPU): expect input to have scalar type of BFloat16");
            }
        }
        return BatchNorm.batchNorm(input, weight, bias, runningMean, runningVar, training, momentum, eps);
    }

    private static Tensor optional(Object v, String name) {
        if (v == PyNone.NONE) {
            return null;
        }
        if (v instanceof Tensor t) {
            return t;
        }
        throw PyError.type("argument '" + name + "' must be Tensor, not " + Values.typeName(v));
    }

    private static int[] ints(Object v) {
        List<?> items = v instanceof Shape s ? java.util.Arrays.stream(s.dims()).boxed().toList() : Values.items(v);
        int[] out = new int[items.size()];
        for (int i = 0; i < out.length; i++) {
            if (!Values.isInteger(items.get(i)) || items.get(i) instanceof Boolean) {
                throw PyError.type("layer_norm(): argument 'normalized_shape' must be tuple of ints, but found "
                        + "element of type " + Values.typeName(items.get(i)) + " at pos " + i);
            }
            out[i] = (int) Values.toLong(items.get(i));
        }
        return out;
    }

    // ----- BatchNorm1d, BatchNorm2d

    /** {@code _NormBase.__init__}, {@code _BatchNorm.forward} and {@code extra_repr}, shared by both classes. */
    private static void defineBatchNorm(PyClass c) {
        Signature init = Signature.of("_BatchNorm.__init__", "self", REQUIRED, "num_features", REQUIRED, "eps", 1e-5,
                "momentum", 0.1, "affine", true, "track_running_stats", true, "device", PyNone.NONE, "dtype",
                PyNone.NONE);
        method(c, "__init__", a -> {
            Object[] v = init.bind(a);
            PyInstance self = self(a);
            NnLayers.initModule(self);
            if (!Values.isInteger(v[1]) || v[1] instanceof Boolean) {
                throw new Unsupported("'nn." + self.cls().name() + "' with num_features that is a "
                        + Values.typeName(v[1]));
            }
            int features = (int) Values.toLong(v[1]);
            PyDevice.check(new Args("BatchNorm", List.of(), Map.of("device", v[6])), -1);
            DType dtype = dtype(v[7], self.cls().name());
            self.setOwn("num_features", v[1]);
            self.setOwn("eps", v[2]);
            self.setOwn("momentum", v[3]);
            self.setOwn("affine", v[4]);
            self.setOwn("track_running_stats", v[5]);
            affineParameters(self, Values.truthy(v[4]), Shape.of(features), dtype);
            boolean track = Values.truthy(v[5]);
            NnModuleRegistry.registerBuffer(self, "running_mean", track ? Torch.zeros(dtype, features) : PyNone.NONE);
            NnModuleRegistry.registerBuffer(self, "running_var", track ? Torch.ones(dtype, features) : PyNone.NONE);
            NnModuleRegistry.registerBuffer(self, "num_batches_tracked",
                    track ? Torch.scalar(0, DType.INT64) : PyNone.NONE);
            return PyNone.NONE;
        });
        method(c, "forward", a -> {
            Object[] v = Signature.of(c.name() + ".forward", "self", REQUIRED, "input", REQUIRED).bind(a);
            PyInstance self = self(a);
            ((PyCallable) self.attribute("_check_input_dim")).call(new Args("_check_input_dim", List.of(v[1]),
                    Map.of()));
            return forward(self, (Tensor) v[1]);
        });
        method(c, "extra_repr", a -> {
            PyInstance self = self(a);
            return Values.str(self.attribute("num_features")) + ", eps=" + Values.str(self.attribute("eps"))
                    + ", momentum=" + Values.str(self.attribute("momentum")) + ", affine="
                    + Values.str(self.attribute("affine")) + ", track_running_stats="
                    + Values.str(self.attribute("track_running_stats"));
        });
    }

    /**
     * {@code _BatchNorm.forward}: when training with running statistics, num_batches_tracked goes up by one and a
     * momentum of None becomes 1 / num_batches_tracked; the batch's statistics are used when training (or when
     * there are no running statistics), the running ones otherwise.
     */
    private static Tensor forward(PyInstance self, Tensor input) {
        boolean training = Values.truthy(self.attribute("training"));
        boolean track = Values.truthy(self.attribute("track_running_stats"));
        Object momentum = self.attribute("momentum");
        double factor = momentum == PyNone.NONE ? 0.0 : Values.toDouble(momentum, "momentum");
        if (training && track && self.attribute("num_batches_tracked") instanceof Tensor count) {
            count.updateInPlace(1, floats -> floats[0] += 1, values -> values[0] += 1);
            if (momentum == PyNone.NONE) {
                factor = 1.0 / count.item();
            }
        }
        Tensor runningMean = self.attribute("running_mean") instanceof Tensor t ? t : null;
        Tensor runningVar = self.attribute("running_var") instanceof Tensor t ? t : null;
        boolean batchStatistics = training || runningMean == null && runningVar == null;
        boolean passRunning = !training || track;
        return batchNorm(input, passRunning ? runningMean : null, passRunning ? runningVar : null,
                optional(self.attribute("weight"), "weight"), optional(self.attribute("bias"), "bias"),
                batchStatistics, factor, Values.toDouble(self.attribute("eps"), "eps"));
    }

    /** weight (ones) and bias (zeros) as Parameters, or both None. */
    private static void affineParameters(PyInstance self, boolean affine, Shape shape, DType dtype) {
        for (String name : new String[] {"weight", "bias"}) {
            Object p = PyNone.NONE;
            if (affine) {
                Tensor t = Torch.full(shape, name.equals("weight") ? 1 : 0, dtype);
                p = NnParameter.mark(t.requiresGrad_(true));
            }
            NnModule.setAttribute(self, name, p);
        }
    }

    private static DType dtype(Object v, String module) {
        if (v == PyNone.NONE) {
            return DType.defaultFloat();
        }
        if (v instanceof DType d && d.isFloatingPoint()) {
            return d;
        }
        throw new Unsupported("'nn." + module + "(dtype=" + Values.repr(v) + ")'");
    }

    // ----- LayerNorm

    private static PyClass layerNorm() {
        PyClass c = nnClass("LayerNorm", "normalization", NnModule.MODULE);
        Signature init = Signature.of("LayerNorm.__init__", "self", REQUIRED, "normalized_shape", REQUIRED, "eps",
                1e-5, "elementwise_affine", true, "device", PyNone.NONE, "dtype", PyNone.NONE);
        method(c, "__init__", a -> {
            Object[] v = init.bind(a);
            PyInstance self = self(a);
            NnLayers.initModule(self);
            List<Object> dims = new ArrayList<>();
            if (Values.isInteger(v[1]) && !(v[1] instanceof Boolean)) {
                dims.add(v[1]);
            } else if (v[1] instanceof Shape s) {
                for (int d : s.dims()) {
                    dims.add((long) d);
                }
            } else {
                dims.addAll(Values.items(v[1]));
            }
            PyTuple shape = new PyTuple(dims);
            PyDevice.check(new Args("LayerNorm", List.of(), Map.of("device", v[4])), -1);
            DType dtype = dtype(v[5], "LayerNorm");
            self.setOwn("normalized_shape", shape);
            self.setOwn("eps", v[2]);
            self.setOwn("elementwise_affine", v[3]);
            affineParameters(self, Values.truthy(v[3]), Shape.of(ints(shape)), dtype);
            return PyNone.NONE;
        });
        method(c, "forward", a -> {
            Object[] v = Signature.of("LayerNorm.forward", "self", REQUIRED, "input", REQUIRED).bind(a);
            PyInstance self = self(a);
            return LayerNorm.layerNorm(NnLayers.input(v[1], "layer_norm"), ints(self.attribute("normalized_shape")),
                    optional(self.attribute("weight"), "weight"), optional(self.attribute("bias"), "bias"),
                    Values.toDouble(self.attribute("eps"), "eps"));
        });
        method(c, "extra_repr", a -> {
            PyInstance self = self(a);
            return Values.str(self.attribute("normalized_shape")) + ", eps=" + Values.str(self.attribute("eps"))
                    + ", elementwise_affine=" + Values.str(self.attribute("elementwise_affine"));
        });
        return c;
    }
}
