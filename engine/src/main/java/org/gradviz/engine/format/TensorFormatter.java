package org.gradviz.engine.format;

import java.util.ArrayList;
import java.util.List;
import org.gradviz.engine.DType;
import org.gradviz.engine.Shape;

/** PLACEHOLDER until the fmt branch lands. */
public final class TensorFormatter {
    private TensorFormatter() {
    }

    public static String format(Shape shape, DType dtype, double[] values, List<String> suffixes) {
        StringBuilder sb = new StringBuilder("tensor(").append(java.util.Arrays.toString(values));
        for (String s : suffixes) {
            sb.append(", ").append(s);
        }
        return sb.append(')').toString();
    }

    public static List<String> suffixes(DType dtype, boolean requiresGrad, String gradFnName) {
        List<String> out = new ArrayList<>();
        if (dtype == DType.FLOAT64) {
            out.add("dtype=torch.float64");
        }
        if (gradFnName != null) {
            out.add("grad_fn=<" + gradFnName + ">");
        } else if (requiresGrad) {
            out.add("requires_grad=True");
        }
        return out;
    }
}
