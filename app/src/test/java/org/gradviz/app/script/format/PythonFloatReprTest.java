package org.gradviz.app.script.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code repr(float)} against 565 values whose repr real Python printed (fixtures/pyfloat.tsv: float.hex, repr). */
class PythonFloatReprTest {

    static Stream<Arguments> pythonReprs() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                PythonFloatReprTest.class.getResourceAsStream("/fixtures/pyfloat.tsv"), StandardCharsets.UTF_8))) {
            return in.lines().filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split("\t"))
                    .map(row -> Arguments.of(row[1], parseHex(row[0])))
                    .toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Python's float.hex text (also inf, -inf, nan) as a double. */
    private static double parseHex(String text) {
        switch (text) {
            case "inf": return Double.POSITIVE_INFINITY;
            case "-inf": return Double.NEGATIVE_INFINITY;
            case "nan": return Double.NaN;
            default: return Double.parseDouble(text);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pythonReprs")
    void matchesPythonRepr(String expected, double value) {
        assertEquals(expected, PythonFormat.floatRepr(value));
    }

    @Test
    void shortestDigitsThatReadBack() {
        assertEquals("0.1", PythonFormat.floatRepr(0.1));
        assertEquals("0.30000000000000004", PythonFormat.floatRepr(0.1 + 0.2));
    }

    @Test
    void wholeNumbersKeepPointZero() {
        assertEquals("100.0", PythonFormat.floatRepr(100.0));
        assertEquals("1e+16", PythonFormat.floatRepr(1e16));
        assertEquals("1000000000000000.0", PythonFormat.floatRepr(1e15));
    }

    @Test
    void smallNumbersUseTwoDigitExponent() {
        assertEquals("1e-08", PythonFormat.floatRepr(1e-8));
        assertEquals("0.0001", PythonFormat.floatRepr(1e-4));
        assertEquals("1e-05", PythonFormat.floatRepr(1e-5));
    }

    @Test
    void specialValuesPrintAsPythonDoes() {
        assertEquals("inf", PythonFormat.floatRepr(Double.POSITIVE_INFINITY));
        assertEquals("-inf", PythonFormat.floatRepr(Double.NEGATIVE_INFINITY));
        assertEquals("nan", PythonFormat.floatRepr(Double.NaN));
        assertEquals("-0.0", PythonFormat.floatRepr(-0.0));
    }
}
