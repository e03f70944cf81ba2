package org.gradviz.engine.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.gradviz.engine.DType;
import org.gradviz.engine.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TensorFormatterTest {

    /** Rows of repr.tsv: name, dtype, shape, requires_grad, grad_fn, values, expected repr. */
    static Stream<Arguments> pytorchReprs() {
        return Fixtures.rows("/fixtures/repr.tsv").stream().map(row -> Arguments.of(row[0], row));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pytorchReprs")
    void matchesPyTorch(String name, String[] row) {
        DType dtype = DType.fromShortName(row[1]);
        Shape shape = Shape.of(Fixtures.parseDims(row[2]));
        boolean requiresGrad = row[3].equals("1");
        String gradFn = row[4].equals("-") ? null : row[4];
        double[] values = Fixtures.parseValues(row[5]);

        String actual = TensorFormatter.format(shape, dtype, values,
                TensorFormatter.suffixes(dtype, requiresGrad, gradFn));

        assertEquals(Fixtures.unescape(row[6]), actual);
    }

    @Test
    void wholeNumbersPrintWithTrailingDot() {
        assertEquals("tensor([ 1., 16.])", format(Shape.of(2), 1, 16));
        assertEquals("tensor(8.)", format(Shape.SCALAR, 8));
    }

    @Test
    void fractionsPrintWithFourDecimalsRightAligned() {
        assertEquals("tensor([[ 1.5410, -0.2934],\n        [ 0.5684, -1.0845]])",
                format(Shape.of(2, 2), f(1.5410), f(-0.2934), f(0.5684), f(-1.0845)));
    }

    @Test
    void wideRangeSwitchesToScientific() {
        assertEquals("tensor([1.0000e+00, 1.0000e+05, 5.0000e-01])", format(Shape.of(3), 1, 100000, 0.5));
        assertEquals("tensor([1.0000e-05, 5.0000e-01])", format(Shape.of(2), f(1e-5), 0.5));
    }

    @Test
    void negativeZeroKeepsItsSignButDoesNotWidenTheColumn() {
        // PyTorch measures the width from non-zero values only, so "-0." sticks out by one.
        assertEquals("tensor([0., -0., 1.])", format(Shape.of(3), 0, -0.0, 1));
    }

    @Test
    void nanAndInfinityLeaveIntModeAlone() {
        assertEquals("tensor([nan, 1., inf, -inf])",
                format(Shape.of(4), Double.NaN, 1, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY));
    }

    @Test
    void integerTensorsPrintAsPythonInts() {
        assertEquals("tensor([1, 2, 3])",
                TensorFormatter.format(Shape.of(3), DType.INT64, new double[] {1, 2, 3}, List.of()));
    }

    @Test
    void emptyTensorNamesItsSizeAndNonDefaultDtype() {
        assertEquals("tensor([])", format(Shape.of(0)));
        assertEquals("tensor([], size=(0, 3))", format(Shape.of(0, 3)));
        assertEquals("tensor([], dtype=torch.int64)", TensorFormatter.format(Shape.of(0), DType.INT64,
                new double[0], TensorFormatter.suffixes(DType.INT64, false, null)));
    }

    @Test
    void suffixesFollowTheValues() {
        assertEquals(List.of("dtype=torch.float64", "requires_grad=True"),
                TensorFormatter.suffixes(DType.FLOAT64, true, null));
        assertEquals(List.of("grad_fn=<AddBackward0>"), TensorFormatter.suffixes(DType.FLOAT32, true, "AddBackward0"));
        assertEquals(List.of(), TensorFormatter.suffixes(DType.INT64, false, null));
        assertEquals(List.of(), TensorFormatter.suffixes(DType.BOOL, false, null));
        assertEquals("tensor(-0.9992, grad_fn=<SinBackward0>)", TensorFormatter.format(Shape.SCALAR, DType.FLOAT32,
                new double[] {f(-0.99916)}, TensorFormatter.suffixes(DType.FLOAT32, true, "SinBackward0")));
    }

    @Test
    void suffixMovesToNewLineWhenTheLineIsFull() {
        double[] ones = new double[16];
        Arrays.fill(ones, 1);
        String expected = "tensor([1., 1., 1., 1., 1., 1., 1., 1., 1., 1., 1., 1., 1., 1., 1., 1.],\n"
                + "       requires_grad=True)";
        assertEquals(expected, TensorFormatter.format(Shape.of(16), DType.FLOAT32, ones,
                TensorFormatter.suffixes(DType.FLOAT32, true, null)));
    }

    @Test
    void longRowsWrapAtEightyColumns() {
        double[] values = IntStream.range(0, 30).mapToDouble(i -> i * 1000).toArray();
        String text = TensorFormatter.format(Shape.of(30), DType.INT64, values, List.of());
        assertEquals("tensor([    0,  1000,  2000,  3000,  4000,  5000,  6000,  7000,  8000,  9000,\n"
                + "        10000, 11000, 12000, 13000, 14000, 15000, 16000, 17000, 18000, 19000,\n"
                + "        20000, 21000, 22000, 23000, 24000, 25000, 26000, 27000, 28000, 29000])", text);
    }

    @Test
    void moreThanAThousandElementsAreSummarised() {
        double[] values = IntStream.range(0, 2000).asDoubleStream().toArray();
        assertEquals("tensor([   0,    1,    2,  ..., 1997, 1998, 1999])",
                TensorFormatter.format(Shape.of(2000), DType.INT64, values, List.of()));
    }

    private static String format(Shape shape, double... values) {
        return TensorFormatter.format(shape, DType.FLOAT32, values, List.of());
    }

    /** The float32 value nearest to {@code v}, widened back, as a float32 tensor holds it. */
    private static double f(double v) {
        return (float) v;
    }
}
