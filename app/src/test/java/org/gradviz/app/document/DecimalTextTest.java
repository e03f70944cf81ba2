package org.gradviz.app.document;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every row of fixtures/decimal4.tsv, printed by real torch 1.13 (make_decimal_fixtures.py). */
class DecimalTextTest {

    @ParameterizedTest(name = "{0} prints as {1}")
    @MethodSource("rows")
    void writesEachNumberAsTorchPrintsIt(String value, String torch) {
        assertEquals(torch, DecimalText.of(Double.parseDouble(value)));
    }

    @Test
    void aTieRoundsToEvenAsTorchPrintsTheMeanOf32Elements() {
        // torch.ones(32).div(32).mean() prints tensor(0.0312): 0.03125 is exact, the tie goes to the even 2
        assertEquals("0.0312", DecimalText.of(0.03125));
    }

    static List<String[]> rows() throws IOException {
        try (InputStream in = DecimalTextTest.class.getResourceAsStream("/fixtures/decimal4.tsv");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().skip(1).map(line -> line.split("\t")).toList();
        }
    }
}
