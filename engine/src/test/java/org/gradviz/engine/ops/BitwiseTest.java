package org.gradviz.engine.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.gradviz.engine.DType;
import org.gradviz.engine.Shape;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.TorchException;
import org.junit.jupiter.api.Test;

/**
 * The bitwise functions, with values worked out by hand in two's complement and the widths C++ shifts in (an int of
 * 32 bits for types up to 32 bits, 64 for int64; the count modulo the width).
 */
class BitwiseTest {

    private static Tensor of(DType dtype, double... values) {
        return Tensor.fromData(Shape.of(values.length), dtype, values);
    }

    @Test
    void andOrXorOfBoolsAreTheirConnectives() {
        Tensor p = of(DType.BOOL, 1, 1, 0, 0);
        Tensor q = of(DType.BOOL, 1, 0, 1, 0);
        assertArrayEquals(new double[] {1, 0, 0, 0}, Bitwise.apply(Bitwise.Op.AND, p, q).data());
        assertArrayEquals(new double[] {1, 1, 1, 0}, Bitwise.apply(Bitwise.Op.OR, p, q).data());
        assertArrayEquals(new double[] {0, 1, 1, 0}, Bitwise.apply(Bitwise.Op.XOR, p, q).data());
        assertEquals(DType.BOOL, Bitwise.apply(Bitwise.Op.AND, p, q).dtype());
    }

    @Test
    void integersCombineTheirTwosComplementBits() {
        // 5 = 0b0101, -3 = ...11101, 12 = 0b1100
        Tensor a = of(DType.INT64, 5, -3, 12);
        Tensor six = Tensor.wrappedNumber(6, true);
        assertArrayEquals(new double[] {4, 4, 4}, Bitwise.apply(Bitwise.Op.AND, a, six).data());
        assertArrayEquals(new double[] {7, -1, 14}, Bitwise.apply(Bitwise.Op.OR, a, six).data());
        assertArrayEquals(new double[] {3, -5, 10}, Bitwise.apply(Bitwise.Op.XOR, a, six).data());
        // ~x = -x - 1
        assertArrayEquals(new double[] {-6, 2, -13}, Bitwise.not(a).data());
    }

    @Test
    void aBoolTensorWithAnIntNumberIsInt64AndWithABoolStaysBool() {
        Tensor p = of(DType.BOOL, 1, 0);
        assertEquals(DType.INT64, Bitwise.apply(Bitwise.Op.AND, p, Tensor.wrappedNumber(1, true)).dtype());
        assertEquals(DType.BOOL, Bitwise.apply(Bitwise.Op.AND, p, Tensor.wrappedBool(true)).dtype());
        assertArrayEquals(new double[] {0, 1}, Bitwise.not(p).data());
    }

    @Test
    void narrowTypesWrapAtTheirWidth() {
        // uint8: ~200 = 255 - 200 = 55; 200 << 1 = 400 mod 256 = 144; int8: 100 << 2 = 400 → 400 - 512 = -112
        assertArrayEquals(new double[] {55}, Bitwise.not(of(DType.UINT8, 200)).data());
        assertArrayEquals(new double[] {144},
                Bitwise.apply(Bitwise.Op.LEFT_SHIFT, of(DType.UINT8, 200), Tensor.wrappedNumber(1, true)).data());
        assertArrayEquals(new double[] {-112},
                Bitwise.apply(Bitwise.Op.LEFT_SHIFT, of(DType.INT8, 100), Tensor.wrappedNumber(2, true)).data());
        // int8 100 << 9 = 51200 = 200 * 256: its low 8 bits are 0
        assertArrayEquals(new double[] {0},
                Bitwise.apply(Bitwise.Op.LEFT_SHIFT, of(DType.INT8, 100), Tensor.wrappedNumber(9, true)).data());
    }

    @Test
    void shiftCountsAreTakenModuloTheWidth() {
        Tensor five = of(DType.INT64, 5);
        // 70 mod 64 = 6: 5 << 6 = 320; -1 mod 64 = 63: 5 << 63 keeps only bit 0, at the sign: -2^63
        assertArrayEquals(new double[] {320},
                Bitwise.apply(Bitwise.Op.LEFT_SHIFT, five, Tensor.wrappedNumber(70, true)).data());
        assertArrayEquals(new double[] {-0x1p63},
                Bitwise.apply(Bitwise.Op.LEFT_SHIFT, five, Tensor.wrappedNumber(-1, true)).data());
        // int32: 33 mod 32 = 1
        assertArrayEquals(new double[] {10}, Bitwise.apply(Bitwise.Op.LEFT_SHIFT, of(DType.INT32, 5),
                Tensor.wrappedNumber(33, true)).data());
        // an arithmetic right shift rounds towards -inf: -7 >> 1 = -4; 256 >> 66 = 256 >> 2 = 64
        assertArrayEquals(new double[] {-4, 64}, Bitwise.apply(Bitwise.Op.RIGHT_SHIFT, of(DType.INT64, -7, 256),
                of(DType.INT64, 1, 66)).data());
    }

    @Test
    void operandsBroadcast() {
        Tensor row = of(DType.INT64, 1, 2, 3);
        Tensor column = Tensor.fromData(Shape.of(2, 1), DType.INT64, new double[] {3, 1});
        Tensor r = Bitwise.apply(Bitwise.Op.AND, row, column);
        assertEquals(Shape.of(2, 3), r.shape());
        assertArrayEquals(new double[] {1, 2, 3, 1, 0, 1}, r.data());
    }

    @Test
    void floatsAndBoolShiftsAreRefusedWithTorchsKernelNames() {
        Tensor f = of(DType.FLOAT32, 1.5f);
        Tensor p = of(DType.BOOL, 1);
        assertEquals("\"bitwise_and_cpu\" not implemented for 'Float'",
                assertThrows(TorchException.class, () -> Bitwise.apply(Bitwise.Op.AND, f, f)).getMessage());
        assertEquals("\"bitwise_or_cpu\" not implemented for 'Float'", assertThrows(TorchException.class,
                () -> Bitwise.apply(Bitwise.Op.OR, of(DType.INT64, 1), Tensor.wrappedNumber(1.5, false)))
                .getMessage());
        assertEquals("\"lshift_cpu\" not implemented for 'Bool'",
                assertThrows(TorchException.class, () -> Bitwise.apply(Bitwise.Op.LEFT_SHIFT, p, p)).getMessage());
        assertEquals("\"bitwise_not_cpu\" not implemented for 'Double'",
                assertThrows(TorchException.class, () -> Bitwise.not(of(DType.FLOAT64, 1))).getMessage());
    }

    @Test
    void aResultNeverRecordsAGraph() {
        Tensor mask = Comparison.compare(of(DType.FLOAT32, 1, -1).requiresGrad_(true), Tensor.wrappedNumber(0, true),
                Comparison.Kind.GT);
        assertNull(Bitwise.apply(Bitwise.Op.AND, mask, of(DType.BOOL, 1, 1)).gradFn());
    }
}
