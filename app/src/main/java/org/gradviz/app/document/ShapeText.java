package org.gradviz.app.document;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Sizes written as torchviz writes them: {@code (5, 3)}, {@code (3)}, {@code ()}. */
public final class ShapeText {
    private ShapeText() {
    }

    public static String of(int[] dims) {
        return Arrays.stream(dims).mapToObj(Integer::toString).collect(Collectors.joining(", ", "(", ")"));
    }

    public static String of(List<Integer> dims) {
        return dims.stream().map(String::valueOf).collect(Collectors.joining(", ", "(", ")"));
    }

    /** A view's or reshape's sizes as torch's messages write them: {@code [1, -1]}. */
    public static String sizes(List<Long> sizes) {
        return sizes.stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]"));
    }

    /**
     * Sizes as a user types them in the inspector, {@code 1, -1} or {@code [1, -1]} or {@code (1, -1)} (empty
     * brackets for none), or null when the text is not a list of whole numbers.
     */
    public static List<Long> parseSizes(String text) {
        String t = text.strip();
        if (t.length() >= 2 && (t.startsWith("[") && t.endsWith("]") || t.startsWith("(") && t.endsWith(")"))) {
            t = t.substring(1, t.length() - 1).strip();
        }
        if (t.endsWith(",")) {
            t = t.substring(0, t.length() - 1).strip(); // (6,) as Python writes a tuple of one
        }
        if (t.isEmpty()) {
            return text.strip().isEmpty() ? null : List.of();
        }
        java.util.ArrayList<Long> out = new java.util.ArrayList<>();
        for (String part : t.split(",", -1)) {
            try {
                out.add(Long.parseLong(part.strip()));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return List.copyOf(out);
    }
}
