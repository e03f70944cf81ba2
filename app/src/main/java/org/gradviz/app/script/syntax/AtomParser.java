package org.gradviz.app.script.syntax;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.gradviz.app.script.ScriptSyntaxError;
import org.gradviz.app.script.ast.Expr;
import org.gradviz.app.script.ast.FStringPart;

/** The smallest expressions: names, literals, parenthesised expressions, tuples and lists. */
final class AtomParser {

    private final TokenStream ts;
    private final ExpressionParser expressions;

    AtomParser(TokenStream ts, ExpressionParser expressions) {
        this.ts = ts;
        this.expressions = expressions;
    }

    Expr atom() {
        Token t = ts.peek();
        switch (t.kind()) {
            case NAME -> {
                ts.next();
                return new Expr.Name(t.text(), t.line(), t.column());
            }
            case NUMBER -> {
                ts.next();
                return number(t);
            }
            case STRING -> {
                return strings();
            }
            case KEYWORD -> {
                return keywordAtom(t);
            }
            case OP -> {
                return bracketed(t);
            }
            default -> throw ts.invalidSyntax();
        }
    }

    private Expr keywordAtom(Token t) {
        switch (t.text()) {
            case "True", "False" -> {
                ts.next();
                return new Expr.BoolLiteral(t.text().equals("True"), t.line(), t.column());
            }
            case "None" -> {
                ts.next();
                return new Expr.NoneLiteral(t.line(), t.column());
            }
            case "yield", "await" -> throw Subset.refuseKeyword(t);
            default -> throw ts.invalidSyntax();
        }
    }

    private Expr bracketed(Token t) {
        switch (t.text()) {
            case "(" -> {
                return parenthesised();
            }
            case "[" -> {
                return list();
            }
            case "{" -> {
                return braces();
            }
            case "..." -> {
                // NOTE: '...' reads the builtin Ellipsis; only a program that rebinds that name could tell
                ts.next();
                return new Expr.Name("Ellipsis", t.line(), t.column());
            }
            default -> throw ts.invalidSyntax();
        }
    }

    private Expr parenthesised() {
        Token open = ts.next();
        if (ts.acceptOp(")")) {
            return new Expr.TupleExpr(List.of(), open.line(), open.column());
        }
        if (ts.atKeyword("yield")) {
            throw Subset.refuseKeyword(ts.peek());
        }
        Expr first = expressions.starredOrNamed();
        if (ts.atKeyword("for") || ts.atKeyword("async")) {
            Expr generator = expressions.comprehension(Expr.ComprehensionKind.GENERATOR, first, Optional.empty(),
                    open);
            ts.expectOp(")");
            return generator;
        }
        if (ts.acceptOp(")")) {
            if (first instanceof Expr.Starred) {
                throw ScriptSyntaxError.syntax("cannot use starred expression here", first.line(), first.column());
            }
            return first;
        }
        List<Expr> elements = elementsAfter(first, ")");
        ts.expectOp(")");
        return new Expr.TupleExpr(elements, open.line(), open.column());
    }

    private Expr list() {
        Token open = ts.next();
        if (ts.acceptOp("]")) {
            return new Expr.ListExpr(List.of(), open.line(), open.column());
        }
        Expr first = expressions.starredOrNamed();
        if (ts.atKeyword("for") || ts.atKeyword("async")) {
            Expr comprehension = expressions.comprehension(Expr.ComprehensionKind.LIST, first, Optional.empty(),
                    open);
            ts.expectOp("]");
            return comprehension;
        }
        List<Expr> elements = elementsAfter(first, "]");
        ts.expectOp("]");
        return new Expr.ListExpr(elements, open.line(), open.column());
    }

    /** {@code {}}, {@code {k: v, **m, ...}}, {@code {a, *b, ...}}, or a dict or set comprehension. */
    private Expr braces() {
        Token open = ts.next();
        if (ts.acceptOp("}")) {
            return new Expr.DictExpr(List.of(), List.of(), open.line(), open.column());
        }
        if (ts.atOp("*")) {
            return setDisplay(open, expressions.starredOrNamed());
        }
        Expr firstKey = null;
        if (!ts.atOp("**")) {
            firstKey = expressions.expression();
            if (!ts.atOp(":")) {
                return setDisplay(open, firstKey);
            }
        }
        return dictDisplay(open, firstKey);
    }

    private Expr setDisplay(Token open, Expr first) {
        if (ts.atKeyword("for") || ts.atKeyword("async")) {
            Expr comprehension = expressions.comprehension(Expr.ComprehensionKind.SET, first, Optional.empty(),
                    open);
            ts.expectOp("}");
            return comprehension;
        }
        List<Expr> elements = elementsAfter(first, "}");
        ts.expectOp("}");
        return new Expr.SetExpr(elements, open.line(), open.column());
    }

    /** A dict display or comprehension after its first key, if it starts with one rather than {@code **}. */
    private Expr dictDisplay(Token open, Expr firstKey) {
        Expr pendingKey = firstKey;
        List<Optional<Expr>> keys = new ArrayList<>();
        List<Expr> values = new ArrayList<>();
        while (!ts.atOp("}")) {
            if (pendingKey == null && ts.atOp("**")) {
                Token stars = ts.next();
                Expr mapping = expressions.bitwiseOperand();
                if (keys.isEmpty() && (ts.atKeyword("for") || ts.atKeyword("async"))) {
                    throw ScriptSyntaxError.syntax("dict unpacking cannot be used in dict comprehension",
                            stars.line(), stars.column());
                }
                keys.add(Optional.empty());
                values.add(mapping);
            } else {
                Expr key = pendingKey != null ? pendingKey : expressions.expression();
                pendingKey = null;
                ts.expectOp(":");
                Expr value = expressions.expression();
                if (keys.isEmpty() && (ts.atKeyword("for") || ts.atKeyword("async"))) {
                    Expr comprehension = expressions.comprehension(Expr.ComprehensionKind.DICT, key,
                            Optional.of(value), open);
                    ts.expectOp("}");
                    return comprehension;
                }
                keys.add(Optional.of(key));
                values.add(value);
            }
            if (!ts.acceptOp(",")) {
                break;
            }
        }
        ts.expectOp("}");
        return new Expr.DictExpr(keys, values, open.line(), open.column());
    }

    /** The comma-separated rest of a display after its first element, up to its closing bracket. */
    private List<Expr> elementsAfter(Expr first, String close) {
        List<Expr> elements = new ArrayList<>(List.of(first));
        Expr last = first;
        while (ts.acceptOp(",")) {
            if (ts.atOp(close)) {
                break;
            }
            last = expressions.starredOrNamed();
            elements.add(last);
        }
        if (!ts.atOp(close)) {
            expressions.checkMissingComma(last);
        }
        return elements;
    }

    private Expr number(Token t) {
        String text = t.text().replace("_", "").toLowerCase(Locale.ROOT);
        if (text.endsWith("j")) {
            throw Subset.refuse("a complex literal '" + t.text() + "'", t);
        }
        if (text.startsWith("0x") || text.startsWith("0o") || text.startsWith("0b")) {
            int radix = text.charAt(1) == 'x' ? 16 : text.charAt(1) == 'o' ? 8 : 2;
            return integer(new BigInteger(text.substring(2), radix), t);
        }
        if (text.contains(".") || text.contains("e")) {
            return new Expr.FloatLiteral(Double.parseDouble(text), t.line(), t.column());
        }
        return integer(new BigInteger(text), t);
    }

    private static Expr integer(BigInteger value, Token t) {
        return new Expr.IntLiteral(value, t.line(), t.column());
    }

    /** Adjacent string literals concatenate; if any is an f-string the result is one f-string. */
    private Expr strings() {
        Token first = ts.peek();
        List<FStringPart> parts = new ArrayList<>();
        StringBuilder plain = new StringBuilder();
        boolean formatted = false;
        while (ts.at(TokenKind.STRING)) {
            Token token = ts.next();
            StringLiterals.Literal literal = StringLiterals.split(token);
            if (literal.isBytes()) {
                throw Subset.refuse("a bytes literal", token);
            }
            if (literal.isFormatted()) {
                formatted = true;
                parts.addAll(new FStringParser(literal).parse());
            } else {
                String value = literal.isRaw() ? literal.body()
                        : StringLiterals.decode(literal.body(), token.line(), token.column());
                plain.append(value);
                parts.add(new FStringPart.Text(value, token.line(), token.column()));
            }
        }
        if (!formatted) {
            return new Expr.StringLiteral(plain.toString(), first.line(), first.column());
        }
        return new Expr.FString(FStringParser.mergeText(parts), first.line(), first.column());
    }
}
