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
}
