package org.gradviz.app.script.runtime;

import java.util.ArrayList;
import java.util.List;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.ops.Einsum;

/**
 * {@code torch.einsum(*args)} as torch/functional.py takes its arguments: an equation and operands, the operands as
 * one list or tuple, or the sublist form {@code einsum(op1, [0, 1], op2, [1, 2], [0, 2])} (subscripts 0-25 are A-Z,
 * 26-51 a-z, Ellipsis is {@code ...}) turned into an equation; then ATen's einsum ({@link Einsum}).
 */
final class Einsums {

    private static final String TOO_FEW = "einsum(): must specify the equation string and at least one operand, or "
            + "at least one operand and its subscripts list";

    private Einsums() {
    }

    static Object einsum(Args a) {
        if (!a.keywords().isEmpty()) {
            throw PyError.type("einsum() got an unexpected keyword argument '" + a.keywords().keySet().iterator().next()
                    + "'");
        }
        List<Object> args = a.positional();
        if (args.size() < 2) {
            throw PyError.value(TOO_FEW);
        }
        Object equation;
        List<Object> operands = new ArrayList<>();
        if (args.get(0) instanceof Tensor) {
            List<String> inputs = new ArrayList<>();
            for (int i = 1; i < args.size(); i += 2) {
                inputs.add(subscripts(args.get(i)));
            }
            String eq = String.join(",", inputs);
            boolean withOutput = args.size() % 2 == 1;
            if (withOutput) {
                eq += "->" + subscripts(args.get(args.size() - 1));
            }
            for (int i = 0; i < (withOutput ? args.size() - 1 : args.size()); i += 2) {
                operands.add(args.get(i));
            }
            equation = eq;
        } else {
            equation = args.get(0);
            operands.addAll(args.subList(1, args.size()));
        }
        if (operands.size() == 1 && (operands.get(0) instanceof List<?> || operands.get(0) instanceof PyTuple)) {
            operands = new ArrayList<>(Values.items(operands.get(0)));
            if (operands.isEmpty()) {
                throw PyError.value(TOO_FEW);
            }
        }
        if (!(equation instanceof String text)) {
            throw PyError.type("einsum(): argument 'equation' (position 1) must be str, not "
                    + Values.typeName(equation));
        }
        List<Tensor> tensors = new ArrayList<>();
        for (int i = 0; i < operands.size(); i++) {
            if (!(operands.get(i) instanceof Tensor t)) {
                throw PyError.type("expected Tensor as element " + i + " in argument 1, but got "
                        + Values.typeName(operands.get(i)));
            }
            tensors.add(t);
        }
        return Einsum.einsum(text, tensors);
    }

    /** A sublist as equation letters, as functional.py's parse_subscript. */
    private static String subscripts(Object sublist) {
        List<?> items = Values.items(sublist);
        if (items == null) {
            throw PyError.type("'" + Values.typeName(sublist) + "' object is not iterable");
        }
        StringBuilder sb = new StringBuilder();
        for (Object n : items) {
            if (n == PyEllipsis.ELLIPSIS) {
                sb.append("...");
                continue;
            }
            if (!Values.isInteger(n)) {
                throw new Unsupported("'einsum' with a subscript of type " + Values.typeName(n));
            }
            long v = Values.toLong(n);
            if (v >= 0 && v < 26) {
                sb.append((char) ('A' + v));
            } else if (v >= 26 && v < 52) {
                sb.append((char) ('a' + v - 26));
            } else {
                throw PyError.value("einsum(): subscript in subscript list is not within the valid range [0, 52)");
            }
        }
        return sb.toString();
    }
}
