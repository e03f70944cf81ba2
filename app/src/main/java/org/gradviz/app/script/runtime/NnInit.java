package org.gradviz.app.script.runtime;

import java.util.LinkedHashMap;
import java.util.Map;
import org.gradviz.engine.GradMode;
import org.gradviz.engine.Shape;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.Torch;
import org.gradviz.engine.random.TorchGenerator;

/**
 * {@code torch.nn.init} as PyTorch 1.13 writes it: each fill runs under no_grad on the tensor in place, the bounds
 * computed in Python floats in torch's order ({@code xavier_uniform_}: gain·√(2/(fan_in + fan_out)), then ·√3), the
 * values drawn from the default generator as {@code Tensor.uniform_} and {@code Tensor.normal_}.
 */
final class NnInit {
    private NnInit() {
    }

    static Map<String, Object> members() {
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "uniform_", a -> {
            a.accept(3, "tensor", "a", "b");
            return uniform(a.tensor(0, "tensor"), a.has(1, "a") ? a.number(1, "a") : 0, a.has(2, "b")
                    ? a.number(2, "b") : 1);
        });
        put(m, "normal_", a -> {
            a.accept(3, "tensor", "mean", "std");
            return normal(a.tensor(0, "tensor"), a.number(1, "mean", 0), a.number(2, "std", 1));
        });
        put(m, "zeros_", a -> constant(a.accept(1, "tensor").tensor(0, "tensor"), 0));
        put(m, "ones_", a -> constant(a.accept(1, "tensor").tensor(0, "tensor"), 1));
        put(m, "constant_", a -> {
            a.accept(2, "tensor", "val");
            return constant(a.tensor(0, "tensor"), a.number(1, "val"));
        });
        put(m, "calculate_gain", a -> {
            a.accept(2, "nonlinearity", "param");
            return gain(a.string(0, "nonlinearity", null), a.get(1, "param", PyNone.NONE));
        });
        put(m, "xavier_uniform_", a -> {
            a.accept(2, "tensor", "gain");
            Tensor t = a.tensor(0, "tensor");
            long[] fans = fans(t);
            double std = (a.has(1, "gain") ? a.number(1, "gain") : 1.0) * Math.sqrt(2.0 / (double) (fans[0] + fans[1]));
            double bound = Math.sqrt(3.0) * std;
            return uniform(t, -bound, bound);
        });
        put(m, "xavier_normal_", a -> {
            a.accept(2, "tensor", "gain");
            Tensor t = a.tensor(0, "tensor");
            long[] fans = fans(t);
            return normal(t, 0, a.number(1, "gain", 1.0) * Math.sqrt(2.0 / (double) (fans[0] + fans[1])));
        });
        put(m, "kaiming_normal_", a -> {
            a.accept(4, "tensor", "a", "mode", "nonlinearity");
            Tensor t = a.tensor(0, "tensor");
            return normal(t, 0, kaimingStd(t, a));
        });
        put(m, "kaiming_uniform_", a -> {
            a.accept(4, "tensor", "a", "mode", "nonlinearity");
            Tensor t = a.tensor(0, "tensor");
            double bound = Math.sqrt(3.0) * kaimingStd(t, a);
            return uniform(t, -bound, bound);
        });
        return m;
    }

    private static void put(Map<String, Object> m, String name, PyCallable f) {
        m.put(name, new Builtin(name, f));
    }

    /** kaiming's std, gain(nonlinearity, a) / √fan, for {@code (tensor, a=0, mode='fan_in', nonlinearity='leaky_relu')}. */
    private static double kaimingStd(Tensor t, Args a) {
        Object slope = a.has(1, "a") ? a.get(1, "a") : (Object) 0L;
        String mode = a.string(2, "mode", "fan_in").toLowerCase(java.util.Locale.ROOT);
        if (!mode.equals("fan_in") && !mode.equals("fan_out")) {
            throw PyError.value("Mode " + mode + " not supported, please use one of ['fan_in', 'fan_out']");
        }
        long fan = fans(t)[mode.equals("fan_in") ? 0 : 1];
        return gain(a.string(3, "nonlinearity", "leaky_relu"), slope) / Math.sqrt(fan);
    }

    /** {@code _calculate_fan_in_and_fan_out}: size(1)·receptive field and size(0)·receptive field. */
    private static long[] fans(Tensor t) {
        if (t.dim() < 2) {
            throw PyError.value("Fan in and fan out can not be computed for tensor with fewer than 2 dimensions");
        }
        Shape shape = t.shape();
        long receptive = 1;
        for (int d = 2; d < shape.rank(); d++) {
            receptive *= shape.dim(d);
        }
        return new long[] {shape.dim(1) * receptive, shape.dim(0) * receptive};
    }

    /** {@code calculate_gain(nonlinearity, param)}. */
    private static double gain(String nonlinearity, Object param) {
        return switch (nonlinearity) {
            case "linear", "conv1d", "conv2d", "conv3d", "conv_transpose1d", "conv_transpose2d", "conv_transpose3d",
                    "sigmoid" -> 1;
            case "tanh" -> 5.0 / 3;
            case "relu" -> Math.sqrt(2.0);
            case "leaky_relu" -> {
                double slope = param == PyNone.NONE ? 0.01 : Values.toDouble(param, "negative_slope");
                if (param instanceof Boolean || !Values.isNumber(param) && param != PyNone.NONE) {
                    throw PyError.value("negative_slope " + Values.repr(param) + " not a valid number");
                }
                yield Math.sqrt(2.0 / (1 + slope * slope));
            }
            case "selu" -> 3.0 / 4;
            default -> throw PyError.value("Unsupported nonlinearity " + nonlinearity);
        };
    }

    private static Tensor uniform(Tensor t, double from, double to) {
        return fill(t, Tensor.fromData(t.shape(), t.dtype(),
                TorchGenerator.defaultGenerator().uniform(t.numel(), from, to, t.dtype())));
    }

    private static Tensor normal(Tensor t, double mean, double std) {
        return fill(t, Tensor.fromData(t.shape(), t.dtype(),
                TorchGenerator.defaultGenerator().normal(t.numel(), mean, std, t.dtype())));
    }

    private static Tensor constant(Tensor t, double value) {
        return fill(t, Torch.full(t.shape(), value, t.dtype()));
    }

    /** Writes {@code values} into t under no_grad, as torch.nn.init does. */
    private static Tensor fill(Tensor t, Tensor values) {
        try (var g = GradMode.disabled()) {
            return t.assignInPlace(values);
        }
    }
}
