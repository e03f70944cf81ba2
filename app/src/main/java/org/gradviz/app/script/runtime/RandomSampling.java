package org.gradviz.app.script.runtime;

import java.util.Map;
import org.gradviz.engine.random.Multinomial;

/** {@code torch.multinomial} / {@code Tensor.multinomial}: class indices drawn from rows of probabilities. */
final class RandomSampling {
    private RandomSampling() {
    }

    /** Adds the functions that are also Tensor methods (the tensor first). */
    static void addShared(Map<String, PyCallable> functions) {
        functions.put("multinomial", a -> {
            a.accept(3, "input", "num_samples", "replacement", "generator", "out");
            if (a.keywords().containsKey("out")) {
                throw new Unsupported("'multinomial(out=...)'");
            }
            Object replacement = a.get(2, "replacement", false);
            if (!(replacement instanceof Boolean)) {
                throw PyError.type("multinomial(): argument 'replacement' must be bool, not "
                        + Values.typeName(replacement));
            }
            return Multinomial.sample(a.tensor(0, "input"), a.integer(1, "num_samples"), (Boolean) replacement,
                    PyGenerator.of(a, "multinomial"));
        });
    }
}
