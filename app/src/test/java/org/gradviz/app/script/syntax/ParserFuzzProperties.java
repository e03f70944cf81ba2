package org.gradviz.app.script.syntax;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.gradviz.app.script.ScriptSyntaxError;

/**
 * Random token soups and mutated seed programs: the front end either returns a tree or throws
 * ScriptSyntaxError, never another exception, and never hangs.
 */
class ParserFuzzProperties {

    private static final Duration LIMIT = Duration.ofSeconds(2);

    private static final List<String> VOCABULARY = List.of(
            "x", "torch", "F", "print", "range", "w", "grad", "_", "é", "1", "0", "1.5", "1e-8", ".5", "0x1F", "1_0",
            "01", "1j", "'s'", "\"s\"", "'''t'''", "f'{x}'", "f'{x:.4f}'", "f\"{a['k']!r:>8}\"", "f'{", "}", "'",
            "\"", "r'\\d'", "b'x'", "\\", "\n", "\n    ", "\n        ", "\t", " ", "  ", "#c", "(", ")", "[", "]", "{",
            ",", ":", ".", ";", "=", "==", "+=", "-=", "*=", "/=", "**", "*", "/", "//", "%", "@", "+", "-", "<",
            "<=", ">", ">=", "!=", "!", "&", "|", "~", "->", ":=", "...", "$", "?", "\u20ac", "\0", "if", "elif",
            "else", "for", "in", "def", "return", "with", "as", "import", "from", "pass", "break", "continue", "not",
            "and", "or", "is", "None", "True", "False", "lambda", "while", "class", "try", "yield", "del", "global",
            "async", "await");

    private static final char[] MUTATION_CHARS = "()[]{}:,.=+-*/'\"\\#\n \tfrx01{}!@".toCharArray();

    @Property(tries = 1000, seed = "20261130")
    void tokenSoupParsesOrFailsWithScriptSyntaxError(@ForAll("tokenSoups") String source) {
        parseWithinLimit(source);
    }

    @Property(tries = 1000, seed = "20261130")
    void mutatedSeedProgramParsesOrFailsWithScriptSyntaxError(@ForAll("mutatedPrograms") String source) {
        parseWithinLimit(source);
    }

    private static void parseWithinLimit(String source) {
        assertTimeoutPreemptively(LIMIT, () -> {
            try {
                ScriptParser.parse(source);
            } catch (ScriptSyntaxError expected) {
                // a syntax error, an indentation error or a refusal: all fine
                if (expected.line() < 1 || expected.column() < 1) {
                    throw new AssertionError("position must be 1-based: " + expected.format("fuzz.py"));
                }
            }
        });
    }

    @Provide
    Arbitrary<String> tokenSoups() {
        return Arbitraries.of(VOCABULARY).list().ofMinSize(1).ofMaxSize(40).map(tokens -> String.join(" ", tokens)
                .replace(" \n", "\n").replace("\n ", "\n"))
                .injectDuplicates(0.01);
    }

    /** One edit of a program: its kind, where (as a fraction of the length), a second place, a character. */
    record Mutation(int kind, double where, double other, char c) {

        String applyTo(String source) {
            return kind < 4 ? onCharacters(source) : onLines(source);
        }

        private String onCharacters(String s) {
            if (s.isEmpty()) {
                return String.valueOf(c);
            }
            int i = (int) (where * (s.length() - 1));
            return switch (kind) {
                case 0 -> s.substring(0, i) + s.substring(i + 1);
                case 1 -> s.substring(0, i) + s.charAt(i) + s.substring(i);
                case 2 -> i + 1 < s.length() ? s.substring(0, i) + s.charAt(i + 1) + s.charAt(i) + s.substring(i + 2)
                        : s;
                default -> s.substring(0, i) + c + s.substring(i);
            };
        }

        private String onLines(String s) {
            List<String> lines = new ArrayList<>(Arrays.asList(s.split("\n", -1)));
            int i = (int) (where * (lines.size() - 1));
            int j = (int) (other * (lines.size() - 1));
            switch (kind) {
                case 4 -> lines.remove(i);
                case 5 -> lines.add(i, lines.get(i));
                case 6 -> {
                    String a = lines.get(i);
                    lines.set(i, lines.get(j));
                    lines.set(j, a);
                }
                default -> lines.set(i, "    " + lines.get(i));
            }
            return String.join("\n", lines);
        }
    }

    @Provide
    Arbitrary<String> mutatedPrograms() {
        Arbitrary<Mutation> mutation = Combinators.combine(
                Arbitraries.integers().between(0, 7),
                Arbitraries.doubles().between(0, 1),
                Arbitraries.doubles().between(0, 1),
                Arbitraries.chars().with(MUTATION_CHARS)).as(Mutation::new);
        return Combinators.combine(Arbitraries.of(GoldenPrograms.sources()), mutation.list().ofMinSize(1).ofMaxSize(6))
                .as((program, edits) -> {
                    String result = program;
                    for (Mutation edit : edits) {
                        result = edit.applyTo(result);
                    }
                    return result;
                });
    }
}
