package org.gradviz.app.script.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a call of a built-in {@code torch.nn} module is in {@code torch.nn.functional} terms, reported to the program's
 * observer as if the program had written it: {@code nn.Linear(3, 1)(x)} is {@code linear(x, weight, bias)},
 * {@code nn.ReLU()(x)} is {@code relu(x)}, {@code nn.MSELoss()(y, t)} is {@code mse_loss(y, t, reduction="mean")},
 * {@code nn.Softmax(dim=1)(x)} is {@code softmax(x, dim=1)}.
 * A cell importer then sees a module's work as the ops it is; a container ({@code Sequential}) reports nothing
 * itself, its modules do, and a program's own {@code Module} subclass runs its {@code forward} line by line.
 */
public final class NnFunctionalForms {
    /**
     * The name under which a parameter a module drew at random is reported, with the tensor as its result and its
     * attribute's name ({@code weight}, {@code bias}) as the keyword {@code name}.
     */
    public static final String DRAWN_PARAMETER = "nn.Parameter";

    private NnFunctionalForms() {
    }

    /** Reports {@code module(inputs) = result} in its functional form, when the module is a built-in one that has one. */
    static void report(PyInstance module, List<Object> inputs, Object result) {
        String name = module.cls().name();
        if (!module.cls().qualifiedModule().startsWith("torch.nn.modules.") || inputs.isEmpty()) {
            return; // a program's own Module subclass (its forward reported its own calls) or Module itself
        }
        String function = switch (name) {
            case "Linear" -> "linear";
            case "ReLU", "Sigmoid", "Tanh" -> name.toLowerCase(java.util.Locale.ROOT);
            case "Flatten" -> "flatten";
            case "Softmax" -> "softmax";
            case "LogSoftmax" -> "log_softmax";
            case "MSELoss" -> "mse_loss";
            case "BCELoss" -> "binary_cross_entropy";
            case "BCEWithLogitsLoss" -> "binary_cross_entropy_with_logits";
            case "CrossEntropyLoss" -> "cross_entropy";
            case "NLLLoss" -> "nll_loss";
            default -> null; // the containers
        };
        if (function == null) {
            return;
        }
        List<Object> args = new ArrayList<>(inputs);
        if (name.equals("Linear")) {
            args.add(module.attribute("weight"));
            args.add(module.attribute("bias"));
        }
        Map<String, Object> keywords = name.endsWith("Loss") ? Map.of("reduction", module.attribute("reduction"))
                : name.endsWith("Softmax") ? Map.of("dim", module.attribute("dim"))
                : Map.<String, Object>of();
        Interpreter.report(function, args, keywords, result);
    }

    /**
     * Reports {@code parameter}, the module's attribute {@code name}, drawn from the generator by its initialisation
     * (as {@code nn.Linear}'s weight and bias are).
     */
    static void reportDrawn(String name, Object parameter) {
        Interpreter.report(DRAWN_PARAMETER, List.of(parameter), Map.of("name", name), parameter);
    }
}
