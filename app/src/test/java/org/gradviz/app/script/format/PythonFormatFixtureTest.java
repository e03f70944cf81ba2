package org.gradviz.app.script.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every row of fixtures/pyformat.tsv, written by real Python (make_pyformat_fixtures.py). */
class PythonFormatFixtureTest {

    record Row(String type, String value, String spec, String expected) {
        @Override
        public String toString() {
            return type + " " + value + " '" + spec + "'";
        }
    }

    static List<Row> rows() {
        try (InputStream in = PythonFormatFixtureTest.class.getResourceAsStream("/fixtures/pyformat.tsv")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Arrays.stream(text.split("\n")).filter(l -> !l.startsWith("#") && !l.isEmpty())
                    .map(l -> l.split("\t", -1)).map(c -> new Row(c[0], c[1], c[2], c[3])).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<Row> reprRows() {
        return rows().stream().filter(r -> r.type().equals("repr"));
    }

    static Stream<Row> formatRows() {
        return rows().stream().filter(r -> !r.type().equals("repr"));
    }

    @Test
    void fixtureHasSeveralHundredCases() {
        assertTrue(rows().size() > 500, "rows: " + rows().size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reprRows")
    void floatReprMatchesPython(Row row) {
        assertEquals(row.expected(), PythonFormat.floatRepr(parseFloat(row.value())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formatRows")
    void formatMatchesPython(Row row) {
        Object value = value(row);
        if (row.expected().startsWith("!ValueError: ")) {
            FormatSpecException e = assertThrows(FormatSpecException.class,
                    () -> PythonFormat.format(value, row.spec()));
            assertEquals(row.expected().substring("!ValueError: ".length()), e.getMessage());
        } else {
            assertEquals(row.expected(), PythonFormat.format(value, row.spec()));
        }
    }

    private static Object value(Row row) {
        return switch (row.type()) {
            case "float" -> parseFloat(row.value());
            case "int" -> Long.parseLong(row.value());
            case "bool" -> Boolean.parseBoolean(row.value().toLowerCase());
            default -> row.value();
        };
    }

    static double parseFloat(String repr) {
        return switch (repr) {
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            case "nan" -> Double.NaN;
            default -> Double.parseDouble(repr);
        };
    }
}
