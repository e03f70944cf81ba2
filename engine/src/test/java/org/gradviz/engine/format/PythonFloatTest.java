package org.gradviz.engine.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PythonFloatTest {

    static Stream<Arguments> pythonReprs() {
        return Fixtures.rows("/fixtures/pyfloat.tsv").stream()
                .map(row -> Arguments.of(row[1], Fixtures.parseHex(row[0])));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pythonReprs")
    void matchesPythonRepr(String expected, double value) {
        assertEquals(expected, PythonFloat.repr(value));
    }

    @Test
    void shortestDigitsThatReadBack() {
        assertEquals("0.1", PythonFloat.repr(0.1));
        assertEquals("0.30000000000000004", PythonFloat.repr(0.1 + 0.2));
    }

    @Test
    void wholeNumbersKeepPointZero() {
        assertEquals("100.0", PythonFloat.repr(100.0));
        assertEquals("1e+16", PythonFloat.repr(1e16));
        assertEquals("1000000000000000.0", PythonFloat.repr(1e15));
    }

    @Test
    void smallNumbersUseTwoDigitExponent() {
        assertEquals("1e-08", PythonFloat.repr(1e-8));
        assertEquals("0.0001", PythonFloat.repr(1e-4));
        assertEquals("1e-05", PythonFloat.repr(1e-5));
    }

    @Test
    void specialValuesPrintAsPythonDoes() {
        assertEquals("inf", PythonFloat.repr(Double.POSITIVE_INFINITY));
        assertEquals("-inf", PythonFloat.repr(Double.NEGATIVE_INFINITY));
        assertEquals("nan", PythonFloat.repr(Double.NaN));
        assertEquals("-0.0", PythonFloat.repr(-0.0));
    }
}
