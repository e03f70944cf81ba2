package org.gradviz.engine.format;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads the tab-separated fixtures written by {@code fixtures/make_repr_fixtures.py}. */
final class Fixtures {

    private Fixtures() {
    }

    /** The rows of a fixture file, split on tabs, comment lines ({@code #}) and blank lines skipped. */
    static List<String[]> rows(String resource) {
        InputStream in = Fixtures.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException(resource + " is missing: run make_repr_fixtures.py with /usr/bin/python3");
        }
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    rows.add(line.split("\t", -1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /** Undoes the fixture escapes {@code \\}, {@code \n} and {@code \t}. */
    static String unescape(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                sb.append(next == 'n' ? '\n' : next == 't' ? '\t' : next);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** A double written by Python's {@code float.hex}, including {@code inf}, {@code -inf} and {@code nan}. */
    static double parseHex(String text) {
        switch (text) {
            case "inf":
                return Double.POSITIVE_INFINITY;
            case "-inf":
                return Double.NEGATIVE_INFINITY;
            case "nan":
                return Double.NaN;
            default:
                return Double.parseDouble(text);
        }
    }

    /** Space-separated numbers: float.hex for floating types, decimal integers otherwise. */
    static double[] parseValues(String text) {
        if (text.isEmpty()) {
            return new double[0];
        }
        return Arrays.stream(text.split(" ")).mapToDouble(Fixtures::parseHex).toArray();
    }

    /** Comma-separated sizes; the empty string is a 0-d shape. */
    static int[] parseDims(String text) {
        if (text.isEmpty()) {
            return new int[0];
        }
        return Arrays.stream(text.split(",")).mapToInt(Integer::parseInt).toArray();
    }
}
