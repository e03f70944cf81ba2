package org.gradviz.engine;

import java.util.Arrays;
import org.gradviz.engine.random.TorchGenerator;

/** Tensor factories, named as in the {@code torch} namespace. Every result is a new leaf. */
public final class Torch {
    private Torch() {
    }

    /** {@code torch.tensor([...])}: a 1-D float32 tensor. */
    public static Tensor tensor(double... values) {
        return tensor(Shape.of(values.length), DType.defaultFloat(), values.clone());
    }

    /** {@code torch.tensor([[...], ...])}: a 2-D float32 tensor from rows of equal length. */
    public static Tensor tensor(double[][] rows) {
        return tensor(rows, DType.defaultFloat());
    }

    public static Tensor tensor(double[][] rows, DType dtype) {
        int cols = rows.length == 0 ? 0 : rows[0].length;
        double[] flat = new double[rows.length * cols];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != cols) {
                throw TorchException.value("expected sequence of length " + cols + " at dim 1 (got "
                        + rows[i].length + ")");
            }
            System.arraycopy(rows[i], 0, flat, i * cols, cols);
        }
        return tensor(Shape.of(rows.length, cols), dtype, flat);
    }

    /** A tensor of {@code shape} holding a copy of {@code values} (row-major). */
    public static Tensor tensor(Shape shape, DType dtype, double[] values) {
        if (values.length != shape.numel()) {
            throw TorchException.runtime("shape '" + shape.listText() + "' is invalid for input of size "
                    + values.length);
        }
        return Tensor.fromData(shape, dtype, values.clone());
    }

    /** {@code torch.tensor(v)}: a 0-d float32 tensor. */
    public static Tensor scalar(double value) {
        return scalar(value, DType.defaultFloat());
    }

    public static Tensor scalar(double value, DType dtype) {
        return Tensor.fromData(Shape.SCALAR, dtype, new double[] {value});
    }

    public static Tensor full(Shape shape, double value, DType dtype) {
        if (dtype == DType.FLOAT32) {
            float[] f = Storage.allocateFloats(shape);
            Arrays.fill(f, (float) value);
            return Tensor.fromFloats(shape, f);
        }
        double[] d = Storage.allocate(shape, dtype);
        Arrays.fill(d, value);
        return Tensor.fromData(shape, dtype, d);
    }

    public static Tensor ones(int... dims) {
        return full(Shape.of(dims), 1, DType.defaultFloat());
    }

    public static Tensor ones(DType dtype, int... dims) {
        return full(Shape.of(dims), 1, dtype);
    }

    public static Tensor zeros(int... dims) {
        return full(Shape.of(dims), 0, DType.defaultFloat());
    }

    public static Tensor zeros(DType dtype, int... dims) {
        return full(Shape.of(dims), 0, dtype);
    }

    public static Tensor onesLike(Tensor t) {
        return full(t.shape(), 1, t.dtype());
    }

    public static Tensor zerosLike(Tensor t) {
        return full(t.shape(), 0, t.dtype());
    }

    /** {@code torch.eye(n)}. */
    public static Tensor eye(int n) {
        return eye(n, n, DType.defaultFloat());
    }

    /** {@code torch.eye(n, m)}: ones on the main diagonal of an n×m matrix. */
    public static Tensor eye(int n, int m, DType dtype) {
        Shape shape = Storage.eyeShapeOf(n, m, dtype);
        double[] d = Storage.allocate(shape, dtype);
        for (int i = 0; i < Math.min(n, m); i++) {
            d[i * m + i] = 1;
        }
        return Tensor.fromData(shape, dtype, d);
    }

    /** {@code torch.linspace(start, end, steps)}: {@code steps} evenly spaced values, exactly as PyTorch computes them. */
    public static Tensor linspace(double start, double end, long steps, DType dtype) {
        if (steps < 0) {
            throw TorchException.runtime("number of steps must be non-negative");
        }
        if (!dtype.isFloatingPoint()) {
            throw new UnsupportedOperationException("linspace of " + dtype.torchName());
        }
        Shape shape = Storage.shapeOf(new long[] {steps}, dtype);
        return Tensor.fromData(shape, dtype, RangeFactories.linspace(start, end, shape.numel(), dtype));
    }

    /** {@code torch.arange(start, end, step)}: the values from start up to (not including) end. */
    public static Tensor arange(double start, double end, double step, DType dtype) {
        if (step == 0) {
            throw TorchException.runtime("step must be nonzero");
        }
        if (!Double.isFinite(start) || !Double.isFinite(end)) {
            throw TorchException.runtime("unsupported range: " + cppText(start) + " -> " + cppText(end));
        }
        if (!(step > 0 && end >= start || step < 0 && end <= start)) {
            throw TorchException.runtime("upper bound and larger bound inconsistent with step sign");
        }
        double size = dtype.isFloatingPoint() ? Math.ceil((end - start) / step)
                : Math.ceil((double) ((long) end - (long) start) / (long) step);
        if (!(size >= 0 && size <= (double) Long.MAX_VALUE)) {
            throw TorchException.runtime("invalid size, possible overflow?");
        }
        Shape shape = Storage.shapeOf(new long[] {(long) size}, dtype);
        return Tensor.fromData(shape, dtype, RangeFactories.arange(start, step, shape.numel(), dtype));
    }

    /** A number as C++'s {@code ostream} writes a double (as {@code %g}): 0, 0.5, 1.25e+20, inf, nan. */
    public static String cppText(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == 0) {
            return "0";
        }
        java.math.BigDecimal d = new java.math.BigDecimal(v).round(new java.math.MathContext(6));
        int exponent = d.precision() - d.scale() - 1;
        if (exponent < -4 || exponent >= 6) {
            String digits = d.unscaledValue().abs().toString().replaceAll("0+$", "");
            String mantissa = digits.length() > 1 ? digits.charAt(0) + "." + digits.substring(1) : digits;
            return (v < 0 ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+")
                    + String.format("%02d", Math.abs(exponent));
        }
        return d.stripTrailingZeros().toPlainString();
    }

    /** {@code torch.manual_seed(seed)} for the default generator. */
    public static void manualSeed(long seed) {
        TorchGenerator.defaultGenerator().manualSeed(seed);
    }

    /** {@code torch.randn(*dims)}: standard normal values from the default generator, float32. */
    public static Tensor randn(int... dims) {
        return randn(DType.defaultFloat(), dims);
    }

    public static Tensor randn(DType dtype, int... dims) {
        Shape shape = Shape.of(dims);
        return Tensor.fromData(shape, dtype, TorchGenerator.defaultGenerator().randn(shape.numel(), dtype));
    }

    /** {@code torch.rand(*dims)}: uniform values in [0, 1) from the default generator. */
    public static Tensor rand(int... dims) {
        return rand(DType.defaultFloat(), dims);
    }

    public static Tensor rand(DType dtype, int... dims) {
        Shape shape = Shape.of(dims);
        return Tensor.fromData(shape, dtype, TorchGenerator.defaultGenerator().rand(shape.numel(), dtype));
    }

    /** {@code torch.randint(low, high, shape, dtype=dtype)}: integers in [low, high) from the default generator. */
    public static Tensor randint(long low, long high, Shape shape, DType dtype) {
        double[] values = TorchGenerator.defaultGenerator().randint(shape.numel(), low, high);
        return Tensor.fromData(shape, dtype, dtype.roundAll(values));
    }
}
