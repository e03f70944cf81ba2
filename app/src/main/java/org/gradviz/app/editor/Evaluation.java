package org.gradviz.app.editor;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.gradviz.engine.Tensor;

/**
 * What a (possibly unfinished) graph computes: a value for every element whose inputs are all there, and
 * the message of every element the engine refused ({@code matmul: shapes (5) and (4, 3) cannot be
 * multiplied}). Elements with neither are incomplete: an input is not connected yet.
 */
public record Evaluation(Map<String, Tensor> values, Map<String, String> errors) {

    public Evaluation {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
    }

    public Optional<Tensor> value(String name) {
        return Optional.ofNullable(values.get(name));
    }

    public Optional<String> error(String name) {
        return Optional.ofNullable(errors.get(name));
    }
}
