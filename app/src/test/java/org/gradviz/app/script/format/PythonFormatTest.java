package org.gradviz.app.script.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;

import org.junit.jupiter.api.Test;

/** The cases named in the issue, spelled out; the fixture test covers hundreds more. */
class PythonFormatTest {

    @Test
    void floatReprUsesShortestRoundTripDigits() {
        assertEquals("0.1", PythonFormat.floatRepr(0.1));
        assertEquals("1e-08", PythonFormat.floatRepr(1e-8));
        assertEquals("1e+16", PythonFormat.floatRepr(1e16));
        assertEquals("1000000000000000.0", PythonFormat.floatRepr(1e15));
        assertEquals("100.0", PythonFormat.floatRepr(100.0));
        assertEquals("0.681851327419281", PythonFormat.floatRepr(0.681851327419281));
        assertEquals("0.30000000000000004", PythonFormat.floatRepr(0.1 + 0.2));
    }

    @Test
    void floatReprOfSpecialValues() {
        assertEquals("inf", PythonFormat.floatRepr(Double.POSITIVE_INFINITY));
        assertEquals("-inf", PythonFormat.floatRepr(Double.NEGATIVE_INFINITY));
        assertEquals("nan", PythonFormat.floatRepr(Double.NaN));
        assertEquals("-0.0", PythonFormat.floatRepr(-0.0));
        assertEquals("5e-324", PythonFormat.floatRepr(Double.MIN_VALUE));
    }

    @Test
    void fixedAndExponentFormats() {
        assertEquals("0.6819", PythonFormat.format(0.681851327419281, ".4f"));
        assertEquals("-4.34e-01", PythonFormat.format(-0.4336, ".2e"));
        assertEquals("       3", PythonFormat.format(3, ">8"));
        assertEquals("   1.500", PythonFormat.format(1.5, "8.3f"));
    }

    @Test
    void roundingIsHalfEvenOnTheExactBinaryValue() {
        assertEquals("0.12", PythonFormat.format(0.125, ".2f"));
        assertEquals("2.67", PythonFormat.format(2.675, ".2f"));
        assertEquals("2", PythonFormat.format(2.5, ".0f"));
        assertEquals("4", PythonFormat.format(3.5, ".0f"));
    }

    @Test
    void groupingWithZeroPaddingGroupsThePadding() {
        assertEquals("0,001,234", PythonFormat.format(1234, "08,"));
        assertEquals("1,234,567.89", PythonFormat.format(1234567.891, ",.2f"));
    }

    @Test
    void intAcceptsBigIntegerAndBoolFormatsAsInt() {
        assertEquals("1" + ",000".repeat(8), PythonFormat.format(BigInteger.TEN.pow(24), ","));
        assertEquals("    1", PythonFormat.format(true, ">5"));
        assertEquals("True", PythonFormat.format(true, ""));
    }

    @Test
    void unknownTypeCodeIsRefusedWithPythonsMessage() {
        FormatSpecException e = assertThrows(FormatSpecException.class, () -> PythonFormat.format(1.5, "d"));
        assertEquals("Unknown format code 'd' for object of type 'float'", e.getMessage());
    }
}
