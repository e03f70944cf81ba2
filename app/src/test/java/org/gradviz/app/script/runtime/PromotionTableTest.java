package org.gradviz.app.script.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The dtype of {@code a op b} (+ - * / // %, torch.add/mul/div/where/maximum) for every pair of bool, uint8, int8,
 * int16, int32, int64, float32 and float64 tensors, 0-dim tensors and Python bool, int and float numbers, in both
 * orders, as torch 1.13 gives it (fixtures/promotion.tsv, written by make_promotion_fixtures.py).
 */
class PromotionTableTest {

    record Row(int line, String expression, String expected) {
        @Override
        public String toString() {
            return expression;
        }
    }

    private static final List<String> LINES = read();
    private static List<String> printed;

    private static List<String> read() {
        try (InputStream in = PromotionTableTest.class.getResourceAsStream("/fixtures/promotion.tsv")) {
            return Arrays.asList(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (String line : LINES) {
            if (!line.startsWith("#") && !line.isEmpty()) {
                String[] c = line.split("\t");
                rows.add(new Row(rows.size(), c[0], c[1]));
            }
        }
        return rows;
    }

    /** One program evaluates every row and prints its dtype or its error, a line each. */
    private static synchronized List<String> printed() {
        if (printed == null) {
            StringBuilder program = new StringBuilder("import torch\ncond = torch.tensor([True, False])\n");
            for (String line : LINES) {
                if (line.startsWith("#operand\t")) {
                    String[] c = line.split("\t");
                    program.append(c[1]).append(" = ").append(c[2]).append('\n');
                }
            }
            for (Row row : rows()) {
                program.append("try:\n    print((").append(row.expression()).append(").dtype)\n")
                        .append("except Exception as e:\n")
                        .append("    print('!' + type(e).__name__ + ': ' + str(e).split('\\n')[0])\n");
            }
            ScriptRun run = ScriptRun.of(program.toString());
            printed = Arrays.asList(run.out().split("\n"));
            assertEquals(0, run.exitCode(), run::err);
        }
        return printed;
    }

    @Test
    void tableCoversEveryPairInBothOrders() {
        assertTrue(rows().size() > 3500, "rows: " + rows().size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void resultTypeMatchesTorch(Row row) {
        List<String> out = printed();
        assertEquals(row.expected(), row.line() < out.size() ? out.get(row.line()) : "(nothing printed)");
    }
}
