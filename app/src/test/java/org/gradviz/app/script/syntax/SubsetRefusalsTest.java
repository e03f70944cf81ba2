package org.gradviz.app.script.syntax;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;

import org.gradviz.app.script.ScriptSyntaxError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Valid Python outside the subset is refused at the construct's own line and column, before anything runs. */
class SubsetRefusalsTest {

    private static final String SUPPORTED = " is not supported by gradviz";

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of("def f():\n    yield 1\n", "'yield'", 2, 5),
                Arguments.of("def f():\n    x = yield\n", "'yield'", 2, 9),
                Arguments.of("raise E from e\n", "'raise ... from'", 1, 9),
                Arguments.of("class A(B, C):\n    pass\n", "multiple inheritance", 1, 12),
                Arguments.of("async def f():\n    pass\n", "'async'", 1, 1),
                Arguments.of("def f(a, /, b):\n    pass\n", "a '/' parameter", 1, 10),
                Arguments.of("if (n := 10) > 5:\n    pass\n", "the walrus operator ':='", 1, 7),
                Arguments.of("x = 1j\n", "a complex literal '1j'", 1, 5),
                Arguments.of("x: int = 1\n", "a variable annotation", 1, 2),
                Arguments.of("x = b'abc'\n", "a bytes literal", 1, 5),
                Arguments.of("with a, b:\n    pass\n", "several context managers in one 'with'", 1, 7),
                Arguments.of("from . import x\n", "a relative import", 1, 6),
                Arguments.of("from torch import *\n", "'from ... import *'", 1, 19));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void constructIsRefusedAtItsPosition(String source, String construct, int line, int column) {
        ScriptSyntaxError e = assertThrows(ScriptSyntaxError.class, () -> ScriptParser.parse(source));
        assertAll(
                () -> assertEquals(ScriptSyntaxError.Kind.UNSUPPORTED, e.kind()),
                () -> assertEquals(construct + SUPPORTED, e.detail()),
                () -> assertEquals(line, e.line(), "line"),
                () -> assertEquals(column, e.column(), "column"));
    }

    @Test
    void importOfAnotherModuleNamesItAndListsTheImportableOnes() {
        ScriptSyntaxError e = assertThrows(ScriptSyntaxError.class,
                () -> ScriptParser.parse("import torch\nimport os\n"));
        assertEquals("prog.py:2:8: 'import os' is not supported by gradviz", e.format("prog.py"));
    }

    @Test
    void fromImportOfAnotherModuleIsRefused() {
        ScriptSyntaxError e = assertThrows(ScriptSyntaxError.class,
                () -> ScriptParser.parse("from os import path\n"));
        assertEquals("'from os import' is not supported by gradviz", e.detail());
        assertEquals(6, e.column());
    }

    @Test
    void refusalFormatsWithoutAnErrorNamePrefix() {
        ScriptSyntaxError e = assertThrows(ScriptSyntaxError.class,
                () -> ScriptParser.parse("import torch\nx = 0\nasync def f():\n    pass\n"));
        assertEquals("prog.py:3:1: 'async'" + SUPPORTED, e.format("prog.py"));
    }
}
