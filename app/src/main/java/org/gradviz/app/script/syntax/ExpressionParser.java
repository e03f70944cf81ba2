package org.gradviz.app.script.syntax;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.gradviz.app.script.ScriptSyntaxError;
import org.gradviz.app.script.ast.BinaryOp;
import org.gradviz.app.script.ast.CompareOp;
import org.gradviz.app.script.ast.Expr;
import org.gradviz.app.script.ast.Keyword;
import org.gradviz.app.script.ast.LogicalOp;
import org.gradviz.app.script.ast.UnaryOp;

/**
 * Recursive descent over Python's expression grammar, lowest precedence first: conditional, or, and, not,
 * comparisons, sums, terms, unary signs, power, then calls, attributes and subscripts on atoms.
 */
final class ExpressionParser {

    private static final Set<String> BITWISE = Set.of("|", "^", "&", "<<", ">>");
    private static final Set<String> COMPARISONS = Set.of("<", "<=", ">", ">=", "==", "!=");

    private final TokenStream ts;

    ExpressionParser(TokenStream ts) {
        this.ts = ts;
    }

    /** An expression or a bare tuple {@code a, b}: the right side of {@code =}, a return value. */
    Expr starExpressions() {
        Expr first = expression();
        if (!ts.atOp(",")) {
            return first;
        }
        List<Expr> elements = new ArrayList<>(List.of(first));
        while (ts.acceptOp(",")) {
            if (!startsExpression(ts.peek())) {
                break;
            }
            elements.add(expression());
        }
        return new Expr.TupleExpr(elements, first.line(), first.column());
    }

    Expr expression() {
        if (ts.atKeyword("lambda")) {
            throw Subset.refuseKeyword(ts.peek());
        }
        Expr body = disjunction();
        if (ts.atOp(":=")) {
            throw Subset.refuse("the walrus operator ':='", ts.peek());
        }
        if (!ts.acceptKeyword("if")) {
            return body;
        }
        Expr test = disjunction();
        if (!ts.acceptKeyword("else")) {
            throw ScriptSyntaxError.syntax("expected 'else' after 'if' expression", body.line(), body.column());
        }
        Expr orElse = expression();
        return new Expr.IfExpr(test, body, orElse, body.line(), body.column());
    }

    private Expr disjunction() {
        Expr left = conjunction();
        while (ts.acceptKeyword("or")) {
            left = new Expr.Logical(left, LogicalOp.OR, conjunction(), left.line(), left.column());
        }
        return left;
    }

    private Expr conjunction() {
        Expr left = inversion();
        while (ts.acceptKeyword("and")) {
            left = new Expr.Logical(left, LogicalOp.AND, inversion(), left.line(), left.column());
        }
        return left;
    }

    private Expr inversion() {
        if (ts.atKeyword("not")) {
            Token not = ts.next();
            return new Expr.Unary(UnaryOp.NOT, inversion(), not.line(), not.column());
        }
        return comparison();
    }

    private Expr comparison() {
        Expr left = bitwiseOperand();
        List<CompareOp> ops = new ArrayList<>();
        List<Expr> comparators = new ArrayList<>();
        CompareOp op;
        while ((op = compareOperator()) != null) {
            ops.add(op);
            comparators.add(bitwiseOperand());
        }
        return ops.isEmpty() ? left : new Expr.Compare(left, ops, comparators, left.line(), left.column());
    }

    /** Consumes a comparison operator if one is next. */
    private CompareOp compareOperator() {
        Token t = ts.peek();
        if (t.kind() == TokenKind.OP && COMPARISONS.contains(t.text())) {
            ts.next();
            return CompareOp.forToken(t.text());
        }
        if (t.isKeyword("in")) {
            ts.next();
            return CompareOp.IN;
        }
        if (t.isKeyword("not") && ts.peek(1).isKeyword("in")) {
            ts.next();
            ts.next();
            return CompareOp.NOT_IN;
        }
        if (t.isKeyword("is")) {
            ts.next();
            return ts.acceptKeyword("not") ? CompareOp.IS_NOT : CompareOp.IS;
        }
        return null;
    }

    /** A sum, refusing the bitwise operators that would combine it. */
    Expr bitwiseOperand() {
        Expr sum = sum();
        Token t = ts.peek();
        if (t.kind() == TokenKind.OP && BITWISE.contains(t.text())) {
            throw Subset.refuse("the bitwise operator '" + t.text() + "'", t);
        }
        return sum;
    }

    Expr sum() {
        Expr left = term();
        while (ts.atOp("+") || ts.atOp("-")) {
            BinaryOp op = BinaryOp.forSymbol(ts.next().text());
            left = new Expr.Binary(left, op, term(), left.line(), left.column());
        }
        return left;
    }

    private Expr term() {
        Expr left = factor();
        while (ts.atOp("*") || ts.atOp("/") || ts.atOp("//") || ts.atOp("%") || ts.atOp("@")) {
            BinaryOp op = BinaryOp.forSymbol(ts.next().text());
            left = new Expr.Binary(left, op, factor(), left.line(), left.column());
        }
        return left;
    }

    private Expr factor() {
        Token t = ts.peek();
        if (t.isOp("-") || t.isOp("+")) {
            ts.next();
            UnaryOp op = t.text().equals("-") ? UnaryOp.NEG : UnaryOp.POS;
            return new Expr.Unary(op, factor(), t.line(), t.column());
        }
        if (t.isOp("~")) {
            throw Subset.refuse("the bitwise operator '~'", t);
        }
        return power();
    }

    private Expr power() {
        if (ts.atKeyword("await")) {
            throw Subset.refuseKeyword(ts.peek());
        }
        Expr base = primary();
        if (ts.acceptOp("**")) {
            return new Expr.Binary(base, BinaryOp.POW, factor(), base.line(), base.column());
        }
        return base;
    }

    private Expr primary() {
        Expr e = new AtomParser(ts, this).atom();
        while (true) {
            if (ts.acceptOp(".")) {
                Token name = ts.expectName();
                e = new Expr.Attribute(e, name.text(), e.line(), e.column());
            } else if (ts.atOp("(")) {
                e = call(e);
            } else if (ts.acceptOp("[")) {
                Expr index = subscript();
                ts.expectOp("]");
                e = new Expr.Subscript(e, index, e.line(), e.column());
            } else {
                return e;
            }
        }
    }

    private Expr call(Expr function) {
        ts.expectOp("(");
        List<Expr> args = new ArrayList<>();
        List<Keyword> keywords = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        while (!ts.atOp(")")) {
            Expr last;
            if (ts.at(TokenKind.NAME) && ts.peek(1).isOp("=")) {
                Token name = ts.next();
                ts.next();
                if (!seen.add(name.text())) {
                    throw ScriptSyntaxError.syntax("keyword argument repeated: " + name.text(), name.line(),
                            name.column());
                }
                last = expression();
                keywords.add(new Keyword(name.text(), last, name.line(), name.column()));
            } else {
                last = expression();
                refuseComprehension();
                if (!keywords.isEmpty()) {
                    throw ScriptSyntaxError.syntax("positional argument follows keyword argument", last.line(),
                            last.column());
                }
                args.add(last);
            }
            if (!ts.acceptOp(",")) {
                checkMissingComma(last);
                break;
            }
        }
        ts.expectOp(")");
        return new Expr.Call(function, args, keywords, function.line(), function.column());
    }

    /** The inside of {@code [...]} after an expression: an index, a slice, or a tuple of them. */
    private Expr subscript() {
        Expr first = sliceOrExpression();
        if (!ts.atOp(",")) {
            return first;
        }
        List<Expr> items = new ArrayList<>(List.of(first));
        while (ts.acceptOp(",") && !ts.atOp("]")) {
            items.add(sliceOrExpression());
        }
        return new Expr.TupleExpr(items, first.line(), first.column());
    }

    private Expr sliceOrExpression() {
        Token start = ts.peek();
        Optional<Expr> lower = ts.atOp(":") ? Optional.empty() : Optional.of(expression());
        if (!ts.acceptOp(":")) {
            return lower.orElseThrow();
        }
        Optional<Expr> upper = atSliceEnd() ? Optional.empty() : Optional.of(expression());
        Optional<Expr> step = Optional.empty();
        if (ts.acceptOp(":") && !atSliceEnd()) {
            step = Optional.of(expression());
        }
        return new Expr.Slice(lower, upper, step, start.line(), start.column());
    }

    private boolean atSliceEnd() {
        return ts.atOp(":") || ts.atOp(",") || ts.atOp("]");
    }

    /** Refuses {@code for} right after an element: a comprehension or generator expression. */
    void refuseComprehension() {
        if (ts.atKeyword("for") || ts.atKeyword("async")) {
            throw Subset.refuse("a comprehension", ts.peek());
        }
    }

    /** Inside brackets, two expressions in a row are most likely a forgotten comma, as Python suggests. */
    void checkMissingComma(Expr previous) {
        if (startsExpression(ts.peek()) && !ts.at(TokenKind.KEYWORD)) {
            throw ScriptSyntaxError.syntax("invalid syntax. Perhaps you forgot a comma?", previous.line(),
                    previous.column());
        }
    }

    /** Whether a token can begin an expression; used to end a bare tuple after a trailing comma. */
    static boolean startsExpression(Token t) {
        return switch (t.kind()) {
            case NAME, NUMBER, STRING -> true;
            case KEYWORD -> Set.of("True", "False", "None", "not", "lambda", "await", "yield").contains(t.text());
            case OP -> Set.of("(", "[", "{", "-", "+", "~", "*", "...").contains(t.text());
            default -> false;
        };
    }
}
