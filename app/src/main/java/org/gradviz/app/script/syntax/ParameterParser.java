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

    /**
     * Parameters up to, not including, the operator {@code close}: plain ones, then optionally {@code *args} or a bare
     * {@code *} and keyword-only ones, then optionally {@code **kwargs}. A {@code /} is refused.
     */
    List<Param> parse(String close) {
        List<Param> params = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        boolean defaults = false;
        Param.Kind kind = Param.Kind.NORMAL;
        Token bareStar = null;
        while (!ts.atOp(close)) {
            Token t = ts.peek();
            if (t.isOp("/")) {
                throw Subset.refuse("a '/' parameter", t);
            }
            Param.Kind own = kind;
            if (t.isOp("*") || t.isOp("**")) {
                if (kind != Param.Kind.NORMAL && t.isOp("*")) {
                    throw ScriptSyntaxError.syntax("* argument may appear only once", t.line(), t.column());
                }
                ts.next();
                if (t.isOp("*") && (ts.atOp(",") || ts.atOp(close))) {
                    bareStar = t;
                    kind = Param.Kind.KEYWORD_ONLY;
                    if (!ts.acceptOp(",")) {
                        break;
                    }
                    continue;
                }
                own = t.isOp("*") ? Param.Kind.VAR_POSITIONAL : Param.Kind.VAR_KEYWORD;
                kind = Param.Kind.KEYWORD_ONLY;
            }
            bareStar = own == Param.Kind.KEYWORD_ONLY ? null : bareStar;
            Token name = ts.expectName();
            if (!close.equals(":") && ts.acceptOp(":")) {
                // NOTE: an annotation (x: torch.Tensor) is read and dropped; nothing here reads __annotations__
                expressions.expression();
            }
            if (!seen.add(name.text())) {
                throw ScriptSyntaxError.syntax("duplicate argument '" + name.text() + "' in function definition",
                        name.line(), name.column());
            }
            boolean variadic = own == Param.Kind.VAR_POSITIONAL || own == Param.Kind.VAR_KEYWORD;
            if (variadic && ts.atOp("=")) {
                throw ts.errorHere(own == Param.Kind.VAR_POSITIONAL ? "var-positional argument cannot have default value"
                        : "var-keyword argument cannot have default value");
            }
            Optional<Expr> value = ts.acceptOp("=") ? Optional.of(expressions.expression()) : Optional.empty();
            if (own == Param.Kind.NORMAL && value.isEmpty() && defaults) {
                throw ScriptSyntaxError.syntax("non-default argument follows default argument", name.line(),
                        name.column());
            }
            defaults |= value.isPresent();
            params.add(new Param(name.text(), value, own, name.line(), name.column()));
            if (own == Param.Kind.VAR_KEYWORD && !ts.atOp(close) && !(ts.atOp(",") && ts.peek(1).isOp(close))) {
                ts.acceptOp(",");
                throw ts.errorHere("arguments cannot follow var-keyword argument");
            }
            if (!ts.acceptOp(",")) {
                break;
            }
        }
        if (bareStar != null) {
            throw ScriptSyntaxError.syntax("named arguments must follow bare *", bareStar.line(), bareStar.column());
        }
        return params;
    }
}
