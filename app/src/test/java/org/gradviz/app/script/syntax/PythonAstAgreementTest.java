package org.gradviz.app.script.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Trees agree with Python's own ast module (fixtures/ast_cases.tsv, written by make_ast_fixtures.py): the golden
 * seed programs and random expressions that exercise precedence, associativity, chained comparisons, calls,
 * subscripts and slices.
 */
class PythonAstAgreementTest {

    record Case(String source, String pythonTree) {
        @Override
        public String toString() {
            return source.length() > 80 ? source.substring(0, 80) + "..." : source;
        }
    }

    static Stream<Case> cases() {
        try (InputStream in = PythonAstAgreementTest.class.getResourceAsStream("/fixtures/ast_cases.tsv")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            return Arrays.stream(lines).filter(l -> !l.startsWith("# generated")).map(l -> l.split("\t", -1))
                    .map(c -> new Case(Escapes.unescape(c[0]), Escapes.unescape(c[1])));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void treeHasTheShapePythonGivesIt(Case c) {
        assertEquals(c.pythonTree(), AstDump.program(ScriptParser.parse(c.source())));
    }
}
