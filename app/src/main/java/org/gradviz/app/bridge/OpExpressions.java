package org.gradviz.app.bridge;

import static org.gradviz.app.bridge.PythonExpression.POSTFIX;
import static org.gradviz.app.bridge.PythonExpression.POWER;
import static org.gradviz.app.bridge.PythonExpression.PRODUCT;
import static org.gradviz.app.bridge.PythonExpression.SUM;
import static org.gradviz.app.bridge.PythonExpression.UNARY;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gradviz.app.document.OpNode;

/** The PyTorch expression of one document node, from the expressions of its inputs by port. */
final class OpExpressions {

    private OpExpressions() {
    }

    /** Whether writing this node needs {@code import torch.nn.functional as F}. */
    static boolean usesFunctional(OpNode node) {
        return switch (node.op()) {
            case LINEAR, BINARY_CROSS_ENTROPY_WITH_LOGITS, BINARY_CROSS_ENTROPY, MSE_LOSS -> true;
            default -> false;
        };
    }

    static PythonExpression of(OpNode node, Map<String, PythonExpression> in) {
        PythonExpression input = in.get("input");
        return switch (node.op()) {
            case ADD -> binary(input, "+", other(node, in), SUM);
            case SUB -> binary(input, "-", other(node, in), SUM);
            case MUL -> binary(input, "*", other(node, in), PRODUCT);
            case DIV -> binary(input, "/", other(node, in), PRODUCT);
            case NEG -> new PythonExpression("-" + input.atLeast(UNARY), UNARY);
            // NOTE: ** binds tighter than unary minus on its left and is right-associative
            case POW -> new PythonExpression(input.atLeast(POSTFIX) + " ** " + (node.exponent() != null
                    ? number(node.exponent()).atLeast(UNARY) : in.get("exponent").atLeast(UNARY)), POWER);
            case SIN, COS, EXP, LOG, SIGMOID, TANH, RELU -> call("torch." + node.op().id(), input.text());
            case CLAMP -> call("torch.clamp", input.text(), keyword("min", node.min()), keyword("max", node.max()));
            case SUM, MEAN -> method(input, node.op().id(), node.dim() == null ? null : "dim=" + node.dim(),
                    node.keepdim() == null ? null : "keepdim=" + (node.keepdim() ? "True" : "False"));
            case T -> method(input, "t");
            case DETACH -> method(input, "detach");
            case TRANSPOSE -> new PythonExpression(input.atLeast(POSTFIX) + ".T", POSTFIX);
            case MATMUL -> call("torch.matmul", input.text(), in.get("other").text());
            case LINEAR -> call("F.linear", input.text(), in.get("weight").text(),
                    in.containsKey("bias") ? in.get("bias").text() : null);
            case BINARY_CROSS_ENTROPY_WITH_LOGITS, BINARY_CROSS_ENTROPY, MSE_LOSS -> call("F." + node.op().id(),
                    input.text(), in.get("target").text(),
                    node.reduction() == null ? null : "reduction='" + node.reduction() + "'");
        };
    }

    private static PythonExpression other(OpNode node, Map<String, PythonExpression> in) {
        return node.scalar() != null ? number(node.scalar()) : in.get("other");
    }

    private static PythonExpression number(double v) {
        String text = PythonLiterals.number(v);
        return new PythonExpression(text, text.startsWith("-") ? UNARY : POSTFIX);
    }

    /** {@code a op b}, left-associative: the right operand needs a strictly stronger binding. */
    private static PythonExpression binary(PythonExpression a, String op, PythonExpression b, int precedence) {
        return new PythonExpression(a.atLeast(precedence) + " " + op + " " + b.atLeast(precedence + 1), precedence);
    }

    private static String keyword(String name, Double value) {
        return value == null ? null : name + "=" + PythonLiterals.number(value);
    }

    /** {@code f(a, b)}, leaving out null arguments. */
    private static PythonExpression call(String function, String... args) {
        List<String> given = new ArrayList<>();
        for (String a : args) {
            if (a != null) {
                given.add(a);
            }
        }
        return new PythonExpression(function + "(" + String.join(", ", given) + ")", POSTFIX);
    }

    private static PythonExpression method(PythonExpression receiver, String name, String... args) {
        PythonExpression call = call(name, args);
        return new PythonExpression(receiver.atLeast(POSTFIX) + "." + call.text(), POSTFIX);
    }
}
