package org.gradviz.app.script.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;

import org.gradviz.app.script.ScriptSyntaxError;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Differential test against Python 3.11's compile() on edited seed programs (fixtures/syntax_mutants.tsv, written
 * by make_syntax_fixtures.py): where Python compiles, gradviz parses or refuses a construct outside the subset;
 * where Python fails, gradviz fails with the same error name, message, line and column (for f-string errors the
 * same name and message).
 */
class PythonAgreementTest {

    record Mutant(int row, String source, String verdict, int line, int column, String message) {
        @Override
        public String toString() {
            return "row " + row + ": " + verdict + " " + line + ":" + column + " " + message;
        }
    }

    static Stream<Mutant> mutants() {
        try (InputStream in = PythonAgreementTest.class.getResourceAsStream("/fixtures/syntax_mutants.tsv")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            return Arrays.stream(lines).filter(l -> !l.startsWith("# generated")).map(l -> l.split("\t", -1))
                    .map(c -> new Mutant(0, Escapes.unescape(c[0]), c[1], Integer.parseInt(c[2]), Integer.parseInt(c[3]),
                            Escapes.unescape(c[4])));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mutants")
    void gradvizAgreesWithPython(Mutant mutant) {
        if (mutant.verdict().equals("ok")) {
            try {
                ScriptParser.parse(mutant.source());
            } catch (ScriptSyntaxError e) {
                assertEquals(ScriptSyntaxError.Kind.UNSUPPORTED, e.kind(),
                        "Python compiles this, gradviz says " + e.format("prog.py"));
            }
            return;
        }
        ScriptSyntaxError e = assertThrows(ScriptSyntaxError.class, () -> ScriptParser.parse(mutant.source()));
        if (mutant.message().startsWith("f-string")) {
            // NOTE: Python 3.11 places f-string errors oddly (inside a copy of the field wrapped in parentheses);
            // gradviz reports the real position, so only the message is compared
            assertEquals(mutant.verdict() + ": " + mutant.message(), e.kind().prefix() + e.detail());
            return;
        }
        String python = "prog.py:" + mutant.line() + ":" + mutant.column() + ": " + mutant.verdict() + ": "
                + mutant.message();
        assertEquals(python, e.format("prog.py"));
    }
}
