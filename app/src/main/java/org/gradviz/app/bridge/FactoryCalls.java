package org.gradviz.app.bridge;

import java.util.ArrayList;
import java.util.List;
import org.gradviz.app.document.Initializer;
import org.gradviz.app.document.TensorSource;

/** The torch factory call that makes a tensor source: {@code torch.randn(5, 3, requires_grad=True)}. */
final class FactoryCalls {

    private FactoryCalls() {
    }

    static String of(TensorSource t) {
        List<String> args = new ArrayList<>();
        String function;
        Initializer init = t.init();
        if (init instanceof Initializer.Values v) {
            function = "tensor";
            args.add(PythonLiterals.nested(v.data(), t.shape(), t.isIntegral()));
        } else if (init instanceof Initializer.Full f) {
            function = "full";
            args.add(PythonLiterals.sizeTuple(t.shape()));
            args.add(t.isIntegral() ? Long.toString((long) f.value()) : PythonLiterals.floatLiteral(f.value()));
        } else {
            function = init instanceof Initializer.Ones ? "ones" : init instanceof Initializer.Zeros ? "zeros"
                    : init instanceof Initializer.Eye ? "eye" : "randn";
            args.add(PythonLiterals.sizeArguments(t.shape()));
        }
        if (!t.dtypeOrDefault().equals("float32")) {
            args.add("dtype=torch." + t.dtypeOrDefault());
        }
        if (t.requiresGrad()) {
            args.add("requires_grad=True");
        }
        return "torch." + function + "(" + String.join(", ", args) + ")";
    }
}
