package org.gradviz.app.script.runtime;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * The public names real PyTorch 1.13 has in its modules and on {@code torch.Tensor} (recorded by
 * {@code make_pytorch_names.py}), to tell a name gradviz lacks ("not supported by gradviz") from one that does not
 * exist at all (Python's AttributeError).
 */
public final class PyTorchNames {

    private static final Set<String> NAMES = load();

    private PyTorchNames() {
    }

    /** Whether PyTorch's {@code owner} (a module's dotted name, or {@code Tensor}) has {@code name}. */
    public static boolean has(String owner, String name) {
        return NAMES.contains(owner + " " + name);
    }

    private static Set<String> load() {
        Set<String> names = new HashSet<>();
        try (InputStream in = PyTorchNames.class.getResourceAsStream("pytorch-names.txt");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.lines().filter(l -> !l.isBlank()).forEach(names::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }
}
