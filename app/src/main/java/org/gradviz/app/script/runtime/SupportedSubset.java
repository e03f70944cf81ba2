package org.gradviz.app.script.runtime;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.gradviz.app.script.syntax.Subset;

/**
 * The README's list of what {@code gradviz run} supports, written from the very tables the runner uses (the parser's
 * {@link Subset}, the importable modules, the builtins), so the two cannot drift: a test compares them.
 */
public final class SupportedSubset {

    private SupportedSubset() {
    }

    /** The Markdown that stands in the README between {@code <!-- supported:begin -->} and its end marker. */
    public static String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("Python:\n\n");
        Subset.PYTHON.forEach(item -> md.append("- ").append(item).append('\n'));
        md.append("- refused: ").append(codes(new TreeSet<>(Subset.REFUSED_KEYWORDS)))
                .append(", `yield`, `raise ... from`, the walrus operator `:=`, multiple inheritance, `/` in "
                        + "parameters, complex and bytes literals, several context managers in one `with`, relative "
                        + "imports and `from ... import *`, "
                        + "variable annotations (parameter and return annotations are read and dropped), "
                        + "other modules\n");
        md.append("\nBuiltins: ").append(codes(names(Builtins.create(new PrintStream(OutputStream.nullOutputStream())))))
                .append("\n\nModules:\n\n");
        Map<String, PyModule> modules = TorchModules.create(() -> { });
        for (String name : Subset.IMPORTABLE) {
            TreeSet<String> members = names(modules.get(name).members());
            md.append("- `").append(name).append("`: ").append(codes(members)).append('\n');
        }
        return md.toString();
    }

    private static TreeSet<String> names(Map<String, Object> members) {
        TreeSet<String> names = new TreeSet<>(members.keySet());
        names.removeIf(n -> n.startsWith("__"));
        return names;
    }

    private static String codes(Iterable<String> names) {
        return java.util.stream.StreamSupport.stream(names.spliterator(), false).map(n -> "`" + n + "`")
                .collect(Collectors.joining(", "));
    }

    /** Prints the Markdown, to paste into the README. */
    public static void main(String[] args) {
        System.out.print(markdown());
    }

}
