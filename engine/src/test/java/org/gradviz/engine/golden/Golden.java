package org.gradviz.engine.golden;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gradviz.engine.DType;
import org.gradviz.engine.Shape;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.Torch;
import org.gradviz.engine.testing.MiniJson;

/** Access to ../shared/golden, the reference data recorded from real PyTorch 1.13. */
public final class Golden {
    private static Map<String, Object> autogradCases;

    private Golden() {
    }

    /** The golden folder: system property {@code gradviz.golden}, else ../shared/golden from the project root. */
    public static Path dir() {
        String prop = System.getProperty("gradviz.golden");
        if (prop != null && Files.isDirectory(Path.of(prop))) {
            return Path.of(prop);
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("../shared/golden").normalize();
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("../shared/golden not found; set -Dgradviz.golden=PATH");
    }

    @SuppressWarnings("unchecked")
    public static synchronized Map<String, Object> autogradCases() {
        if (autogradCases == null) {
            try {
                autogradCases = (Map<String, Object>) MiniJson.parse(Files.readString(dir().resolve("autograd-cases.json")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return autogradCases;
    }

    /** A recorded tensor ({@code shape}, {@code dtype}, {@code values}, {@code requires_grad}) built as a leaf. */
    @SuppressWarnings("unchecked")
    public static Tensor tensor(Map<String, Object> spec) {
        List<Object> shapeList = (List<Object>) spec.get("shape");
        int[] dims = shapeList.stream().mapToInt(o -> ((Number) o).intValue()).toArray();
        DType dtype = DType.fromShortName((String) spec.get("dtype"));
        Tensor t = Torch.tensor(Shape.of(dims), dtype, flatten(spec.get("values")));
        if (Boolean.TRUE.equals(spec.get("requires_grad"))) {
            t.requiresGrad_(true);
        }
        return t;
    }

    /** Nested lists of numbers (or one number) in row-major order. */
    public static double[] flatten(Object values) {
        java.util.List<Double> out = new java.util.ArrayList<>();
        flattenInto(values, out);
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @SuppressWarnings("unchecked")
    private static void flattenInto(Object v, java.util.List<Double> out) {
        if (v instanceof List) {
            for (Object o : (List<Object>) v) {
                flattenInto(o, out);
            }
        } else {
            out.add(((Number) v).doubleValue());
        }
    }
}
