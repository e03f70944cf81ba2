package org.gradviz.app.script.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * torch's TypeError for a tensor factory ({@code torch.randn}, {@code rand}, {@code zeros}, {@code ones},
 * {@code empty}) called without a size: with one keyword argument its parser names the missing size, with none or
 * several it lists the factory's signatures, the keywords given in the order of {@link KeywordOrder}.
 */
final class MissingSize {
    private static final String TAIL = "torch.dtype dtype, torch.layout layout, torch.device device, "
            + "bool pin_memory, bool requires_grad)";
    private static final List<String> RANDOM = List.of(
            "(tuple of ints size, *, torch.Generator generator, tuple of names names, " + TAIL,
            "(tuple of ints size, *, torch.Generator generator, Tensor out, " + TAIL,
            "(tuple of ints size, *, Tensor out, " + TAIL,
            "(tuple of ints size, *, tuple of names names, " + TAIL);
    private static final List<String> FILLED = List.of(
            "(tuple of ints size, *, tuple of names names, " + TAIL,
            "(tuple of SymInts size, *, Tensor out, " + TAIL);
    private static final List<String> EMPTY = List.of(
            "(tuple of ints size, *, tuple of names names, torch.memory_format memory_format, " + TAIL,
            "(tuple of SymInts size, *, torch.memory_format memory_format, Tensor out, " + TAIL);

    private MissingSize() {
    }

    /** Throws torch's TypeError when the call of {@code function} gives no size. */
    static void check(String function, Args a) {
        if (!a.positional().isEmpty() || a.keywords().containsKey("size")) {
            return;
        }
        Map<String, Object> keywords = a.keywords();
        if (keywords.size() == 1) {
            throw PyError.type(function + "() missing 1 required positional arguments: \"size\"");
        }
        List<String> given = new ArrayList<>();
        KeywordOrder.of(new ArrayList<>(keywords.keySet()))
                .forEach(k -> given.add(k + "=" + Values.typeName(keywords.get(k)) + ", "));
        StringBuilder s = new StringBuilder(function).append("() received an invalid combination of arguments - got (")
                .append(String.join("", given)).append("), but expected one of:\n");
        List<String> overloads = switch (function) {
            case "randn", "rand" -> RANDOM;
            case "empty" -> EMPTY;
            default -> FILLED;
        };
        overloads.forEach(o -> s.append(" * ").append(o).append('\n'));
        throw PyError.type(s.toString());
    }
}
