package org.gradviz.app.script.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gradviz.app.document.OpAttribute;
import org.gradviz.app.document.OpSpec;

/**
 * What a call of a built-in {@code torch.nn} module is in {@code torch.nn.functional} terms, reported to the program's
 * observer as if the program had written it: {@code nn.Linear(3, 1)(x)} is {@code linear(x, weight, bias)},
 * {@code nn.ReLU()(x)} is {@code relu(x)}, {@code nn.MSELoss()(y, t)} is {@code mse_loss(y, t, reduction="mean")},
 * {@code nn.Softmax(dim=1)(x)} is {@code softmax(x, dim=1)}.
 * The functional form of a module of the op table is the one its row's module spelling names.
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
        TableOps.Module row = TableOps.modules().get(name);
        if (row != null) {
            reportOp(row, module, inputs, result);
            return;
        }
        // the modules a document has no node for
        String function = switch (name) {
            case "Dropout" -> "dropout";
            default -> null; // the containers
        };
        // NOTE: dropout that did nothing (evaluation mode, p = 0) gave its input back: nothing to report
        if (function != null && result != inputs.get(0)) {
            Interpreter.report(function, inputs, name.endsWith("Loss")
                    ? Map.of("reduction", module.attribute("reduction")) : Map.of(), result);
        }
    }

    /**
     * A module of the op table as its functional form: the inputs, then the ports the module holds ({@code nn.Linear}'s
     * weight and bias), and the keyword attributes it was made with.
     */
    private static void reportOp(TableOps.Module row, PyInstance module, List<Object> inputs, Object result) {
        OpSpec spec = row.kind().spec();
        List<Object> args = new ArrayList<>(inputs);
        for (int i = inputs.size(); i < spec.ports().size(); i++) {
            args.add(module.attribute(spec.ports().get(i)));
        }
        Map<String, Object> keywords = new LinkedHashMap<>();
        for (OpAttribute a : spec.attributes()) {
            if (a.isKeyword() && row.spelling().init().names().contains(a.key())) {
                keywords.put(a.key(), module.attribute(a.key()));
            }
        }
        // what the module was made with that its functional form takes and no node holds (nn.NLLLoss's
        // ignore_index, nn.Embedding's padding_idx), so that an importer can refuse what is not at its default
        OpCall functional = TableOps.functional().get(row.spelling().torchName());
        for (String name : row.spelling().init().names()) {
            boolean held = spec.ports().contains(name) || keywords.containsKey(name);
            if (!held && functional != null && functional.signature().names().contains(name)) {
                Object value = module.attribute(name);
                if (value != null) {
                    keywords.put(name, value);
                }
            }
        }
        Interpreter.report(row.spelling().torchName(), args, keywords, result);
    }

    /**
     * Reports {@code parameter}, the module's attribute {@code name}, drawn from the generator by its initialisation
     * (as {@code nn.Linear}'s weight and bias are).
     */
    static void reportDrawn(String name, Object parameter) {
        Interpreter.report(DRAWN_PARAMETER, List.of(parameter), Map.of("name", name), parameter);
    }
}
