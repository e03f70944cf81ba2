package org.gradviz.app.bridge;

import static org.gradviz.app.bridge.PythonExpression.POSTFIX;
import static org.gradviz.app.bridge.PythonExpression.POWER;
import static org.gradviz.app.bridge.PythonExpression.PRODUCT;
import static org.gradviz.app.bridge.PythonExpression.SUM;
import static org.gradviz.app.bridge.PythonExpression.UNARY;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gradviz.app.document.OpAttribute;
import org.gradviz.app.document.OpNode;
import org.gradviz.app.document.OpSpec;
import org.gradviz.app.document.OpSpelling;

/**
 * The PyTorch expression of one document node, from the expressions of its inputs by port: the op's first spelling
 * in its {@link org.gradviz.app.document.OpKind} row, with its ports (or the numbers standing in for them) in order,
 * then its keyword attributes.
 */
final class OpExpressions {

    private OpExpressions() {
    }

    /** Whether writing this node needs {@code import torch.nn.functional as F}. */
    static boolean usesFunctional(OpNode node) {
        return node.op().spec().written() instanceof OpSpelling.Function f && f.isFunctional();
    }

    static PythonExpression of(OpNode node, Map<String, PythonExpression> in) {
        return of(node, in, node.op().spec().written());
    }

    /** The node written in {@code spelling}, one of its op's (a module has no expression and is refused). */
    static PythonExpression of(OpNode node, Map<String, PythonExpression> in, OpSpelling spelling) {
        List<PythonExpression> operands = operands(node, in);
        PythonExpression input = operands.get(0);
        if (spelling instanceof OpSpelling.Infix infix) {
            return infix(input, infix.symbol(), operands.get(1));
        } else if (spelling instanceof OpSpelling.Prefix prefix) {
            return new PythonExpression(prefix.symbol() + input.atLeast(UNARY), UNARY);
        } else if (spelling instanceof OpSpelling.Function function) {
            return call(function.qualifiedName(), arguments(operands, 0, node));
        } else if (spelling instanceof OpSpelling.Method method) {
            PythonExpression call = call(method.torchName(), arguments(operands, 1, node));
            return new PythonExpression(input.atLeast(POSTFIX) + "." + call.text(), POSTFIX);
        } else if (spelling instanceof OpSpelling.Attribute attribute) {
            return new PythonExpression(input.atLeast(POSTFIX) + "." + attribute.torchName(), POSTFIX);
        }
        throw new IllegalArgumentException(spelling.shown() + " is no expression of " + node.op().id()
                + ": the code writer needs a function, method or operator first in its row");
    }

    /** Each port's expression in port order: the connected input, else the number standing in for it, else null. */
    private static List<PythonExpression> operands(OpNode node, Map<String, PythonExpression> in) {
        OpSpec spec = node.op().spec();
        List<PythonExpression> out = new ArrayList<>();
        for (String port : spec.ports()) {
            PythonExpression operand = in.get(port);
            for (OpAttribute a : spec.attributes()) {
                if (operand == null && port.equals(a.standsInFor()) && a.of(node) != null) {
                    operand = number((Double) a.of(node));
                }
            }
            out.add(operand);
        }
        return out;
    }

    /** The operands from {@code first} on, then the keyword attributes the node has, leaving out what is absent. */
    private static List<String> arguments(List<PythonExpression> operands, int first, OpNode node) {
        List<String> out = new ArrayList<>();
        for (PythonExpression operand : operands.subList(first, operands.size())) {
            if (operand != null) {
                out.add(operand.text());
            }
        }
        for (OpAttribute a : node.op().spec().attributes()) {
            if (a == OpAttribute.SHAPE && node.shape() != null) {
                out.addAll(sizes(node.shape(), first == 1));
            } else if (a.isKeyword() && a.of(node) != null) {
                out.add(a.key() + "=" + keywordValue(a.of(node)));
            }
        }
        return out;
    }

    /**
     * A view's or reshape's sizes by position as torch writes them: spread out after a method's tensor
     * ({@code x.view(1, -1)}), else as a tuple ({@code (6,)}); no sizes are {@code ()}, since {@code x.view()}
     * is torch's TypeError.
     */
    private static List<String> sizes(List<Long> shape, boolean spread) {
        List<String> items = shape.stream().map(String::valueOf).toList();
        if (spread && !items.isEmpty()) {
            return items;
        }
        return List.of("(" + String.join(", ", items) + (items.size() == 1 ? ",)" : ")"));
    }

    private static String keywordValue(Object value) {
        if (value instanceof String s) {
            return "'" + s + "'";
        } else if (value instanceof Boolean b) {
            return b ? "True" : "False";
        } else if (value instanceof Double d) {
            return PythonLiterals.number(d);
        }
        return value.toString(); // NOTE: an integer such as dim
    }

    /**
     * {@code a op b}: left-associative, so the right operand needs a strictly stronger binding, except {@code **},
     * which binds tighter than unary minus on its left and is right-associative.
     */
    private static PythonExpression infix(PythonExpression a, String op, PythonExpression b) {
        if (op.equals("**")) {
            return new PythonExpression(a.atLeast(POSTFIX) + " ** " + b.atLeast(UNARY), POWER);
        }
        int precedence = op.equals("+") || op.equals("-") ? SUM : PRODUCT;
        return new PythonExpression(a.atLeast(precedence) + " " + op + " " + b.atLeast(precedence + 1), precedence);
    }

    private static PythonExpression number(double v) {
        String text = PythonLiterals.number(v);
        return new PythonExpression(text, text.startsWith("-") ? UNARY : POSTFIX);
    }

    private static PythonExpression call(String function, List<String> args) {
        return new PythonExpression(function + "(" + String.join(", ", args) + ")", POSTFIX);
    }
}
