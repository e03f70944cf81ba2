package org.gradviz.app.script.syntax;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.gradviz.app.script.ScriptSyntaxError;
import org.gradviz.app.script.ast.Expr;
import org.gradviz.app.script.ast.Param;

/** The parameters of a {@code def} (up to its {@code ')'}) or of a {@code lambda} (up to its {@code ':'}). */
final class ParameterParser {

    private final TokenStream ts;
    private final ExpressionParser expressions;

    ParameterParser(TokenStream ts, ExpressionParser expressions) {
        this.ts = ts;
        this.expressions = expressions;
    }

    /** Parameters up to, not including, the operator {@code close}. */
    List<Param> parse(String close) {
        List<Param> params = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        boolean defaults = false;
        while (!ts.atOp(close)) {
            Token t = ts.peek();
            if (t.isOp("*") || t.isOp("**") || t.isOp("/")) {
                // NOTE: also refuses a bare '*' marker before keyword-only parameters
                throw Subset.refuse("a '" + t.text() + "' parameter", t);
            }
            Token name = ts.expectName();
            if (ts.atOp(":") && !close.equals(":")) {
                throw Subset.refuse("a parameter annotation", ts.peek());
            }
            if (!seen.add(name.text())) {
                throw ScriptSyntaxError.syntax("duplicate argument '" + name.text() + "' in function definition",
                        name.line(), name.column());
            }
            Optional<Expr> value = ts.acceptOp("=") ? Optional.of(expressions.expression()) : Optional.empty();
            if (value.isEmpty() && defaults) {
                throw ScriptSyntaxError.syntax("non-default argument follows default argument", name.line(),
                        name.column());
            }
            defaults |= value.isPresent();
            params.add(new Param(name.text(), value, name.line(), name.column()));
            if (!ts.acceptOp(",")) {
                break;
            }
        }
        return params;
    }
}
