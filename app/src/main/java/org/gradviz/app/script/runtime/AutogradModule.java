package org.gradviz.app.script.runtime;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code torch.autograd}: {@code Function} for custom functions, {@code grad} and {@code backward}. */
final class AutogradModule {

    private AutogradModule() {
    }

    /** A fresh module for one run. */
    static PyModule create() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Function", CustomFunction.baseClass());
        m.put("grad", new Builtin("grad", AutogradGrad::grad));
        m.put("backward", new Builtin("backward", AutogradGrad::backward));
        return new PyModule("torch.autograd", m);
    }
}
