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
import org.gradviz.app.script.ast.Param;
import org.gradviz.app.script.ast.Stmt;
import org.gradviz.app.script.ast.UnaryOp;

/**
 * Recursive descent over Python's expression grammar, lowest precedence first: conditional, or, and, not,
 * comparisons, the bitwise {@code |}, {@code ^}, {@code &} and shifts, sums, terms, unary signs and {@code ~}, power,
 * then calls, attributes and subscripts on atoms.
 */
final class ExpressionParser {

    /** The bitwise binary levels, loosest first, as Python's grammar nests them (bitwise_or ... shift_expr). */
    private static final List<Set<String>> BITWISE_LEVELS =
            List.of(Set.of("|"), Set.of("^"), Set.of("&"), Set.of("<<", ">>"));
    private static final Set<String> COMPARISONS = Set.of("<", "<=", ">", ">=", "==", "!=");

    /** Nesting beyond this fails instead of overflowing the stack; Python itself gives up near here too. */
    private static final int MAX_NESTING = 300;
    /** The longest chain such as {@code a + b + ...} or {@code a.b.c...}: each link nests the tree one deeper. */
    private static final int MAX_CHAIN = 1000;

    private final TokenStream ts;
    private int nesting;

    ExpressionParser(TokenStream ts) {
        this.ts = ts;
    }

    /**
     * An expression or a bare tuple {@code a, *b}: a side of {@code =}. It may be a lone {@code *x}, which only the
     * caller can judge (a target in a list or tuple, a value nowhere).
     */
    Expr starExpressions() {
        Expr first = starredOrExpression();
        if (!ts.atOp(",")) {
            return first;
        }
        List<Expr> elements = new ArrayList<>(List.of(first));
        while (ts.acceptOp(",")) {
            if (!startsExpression(ts.peek())) {
                break;
            }
            elements.add(starredOrExpression());
        }
        return new Expr.TupleExpr(elements, first.line(), first.column());
    }

    /** {@link #starExpressions()} where a value is wanted: a return value, the right side of {@code +=}. */
    Expr starExpressionsValue() {
        return noBareStar(starExpressions());
    }

    /** Refuses a lone {@code *x} used as a value, with Python's compiler message. */
    static Expr noBareStar(Expr e) {
        if (e instanceof Expr.Starred) {
            throw ScriptSyntaxError.syntax("can't use starred expression here", e.line(), e.column());
        }
        return e;
    }

    /** {@code *x} (an element of a display or a target list) or an expression. */
    private Expr starredOrExpression() {
        return ts.atOp("*") ? starred() : expression();
    }

    /** {@code *x} or a named expression: an element of a list, tuple or set display. */
    Expr starredOrNamed() {
        return ts.atOp("*") ? starred() : namedExpression();
    }

    private Expr starred() {
        Token star = ts.next();
        return new Expr.Starred(bitwiseOperand(), star.line(), star.column());
    }

    Expr expression() {
        enter();
        try {
            return conditional();
        } finally {
            nesting--;
        }
    }

    /** An expression where Python also accepts {@code name := value}: a stray {@code =} gets Python's hint. */
    Expr namedExpression() {
        Expr e = expression();
        if (ts.atOp("=")) {
            String message = e instanceof Expr.Name ? "invalid syntax. Maybe you meant '==' or ':=' instead of '='?"
                    : "cannot assign to " + Targets.describe(e) + " here. Maybe you meant '==' instead of '='?";
            throw ScriptSyntaxError.syntax(message, e.line(), e.column());
        }
        return e;
    }

    /** Refuses {@code *x} (and {@code **x} in calls) where Python would unpack. */
    void refuseStar(boolean doubleToo) {
        if (ts.atOp("*") || (doubleToo && ts.atOp("**"))) {
            throw Subset.refuse("'" + ts.peek().text() + "' unpacking", ts.peek());
        }
    }

    private void enter() {
        if (++nesting > MAX_NESTING) {
            nesting = 0;
            throw ts.errorHere("expression nested too deeply");
        }
    }

    private void checkChain(int links) {
        if (links > MAX_CHAIN) {
            throw ts.errorHere("expression nested too deeply");
        }
    }

    /** The targets of a {@code for}: {@code a} or {@code a, (b, c)}; a bare tuple when there are commas. */
    Expr targetList() {
        Expr first = ts.atOp("*") ? starred() : bitwiseOperand();
        if (!ts.atOp(",")) {
            return first;
        }
        List<Expr> elements = new ArrayList<>(List.of(first));
        while (ts.acceptOp(",") && !ts.atKeyword("in")) {
            elements.add(ts.atOp("*") ? starred() : bitwiseOperand());
        }
        return new Expr.TupleExpr(elements, first.line(), first.column());
    }

    private Expr lambda() {
        Token keyword = ts.next();
        List<Param> params = new ParameterParser(ts, this).parse(":");
        ts.expectOp(":", "expected ':'");
        Expr body = expression();
        Stmt.Return result = new Stmt.Return(Optional.of(body), body.line(), body.column());
        Stmt.FunctionDef function = new Stmt.FunctionDef("<lambda>", params, List.of(result), keyword.line(),
                keyword.column());
        return new Expr.Lambda(function, keyword.line(), keyword.column());
    }

    /**
     * The {@code for ... in ... if ...} clauses after a comprehension's element; {@code first} is the element (the
     * key of a dict comprehension), {@code value} the dict comprehension's value.
     */
    Expr comprehension(Expr.ComprehensionKind kind, Expr first, Optional<Expr> value, Token open) {
        if (first instanceof Expr.Starred) {
            throw ScriptSyntaxError.syntax("iterable unpacking cannot be used in comprehension", first.line(),
                    first.column());
        }
        List<Expr.ComprehensionFor> loops = new ArrayList<>();
        while (ts.atKeyword("for") || ts.atKeyword("async")) {
            if (ts.atKeyword("async")) {
                throw Subset.refuseKeyword(ts.peek());
            }
            ts.next();
            Expr target = targetList();
            Targets.checkFor(target);
            Targets.checkStarred(target);
            ts.expectKeyword("in");
            Expr iterable = disjunction();
            List<Expr> conditions = new ArrayList<>();
            while (ts.acceptKeyword("if")) {
                conditions.add(disjunction());
            }
            loops.add(new Expr.ComprehensionFor(target, iterable, conditions));
        }
        return new Expr.Comprehension(kind, first, value, loops, open.line(), open.column());
    }

    private Expr conditional() {
        if (ts.atKeyword("lambda")) {
            return lambda();
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
        for (int links = 1; ts.acceptKeyword("or"); links++) {
            checkChain(links);
            left = new Expr.Logical(left, LogicalOp.OR, conjunction(), left.line(), left.column());
        }
        return left;
    }

    private Expr conjunction() {
        Expr left = inversion();
        for (int links = 1; ts.acceptKeyword("and"); links++) {
            checkChain(links);
            left = new Expr.Logical(left, LogicalOp.AND, inversion(), left.line(), left.column());
        }
        return left;
    }

    private Expr inversion() {
        if (ts.atKeyword("not")) {
            Token not = ts.next();
            enter();
            try {
                return new Expr.Unary(UnaryOp.NOT, inversion(), not.line(), not.column());
            } finally {
                nesting--;
            }
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

    /** Python's {@code bitwise_or}: what a comparison compares, the operand of {@code *} and {@code **}. */
    Expr bitwiseOperand() {
        return bitwiseLevel(0);
    }

    /** One level of {@link #BITWISE_LEVELS}, left-associative, over the next tighter level (sums after shifts). */
    private Expr bitwiseLevel(int level) {
        if (level == BITWISE_LEVELS.size()) {
            return sum();
        }
        Set<String> operators = BITWISE_LEVELS.get(level);
        Expr left = bitwiseLevel(level + 1);
        for (int links = 1; ts.peek().kind() == TokenKind.OP && operators.contains(ts.peek().text()); links++) {
            checkChain(links);
            BinaryOp op = BinaryOp.forSymbol(ts.next().text());
            left = new Expr.Binary(left, op, bitwiseLevel(level + 1), left.line(), left.column());
        }
        return left;
    }

    Expr sum() {
        Expr left = term();
        for (int links = 1; ts.atOp("+") || ts.atOp("-"); links++) {
            checkChain(links);
            BinaryOp op = BinaryOp.forSymbol(ts.next().text());
            left = new Expr.Binary(left, op, term(), left.line(), left.column());
        }
        return left;
    }

    private Expr term() {
        Expr left = factor();
        for (int links = 1; atTermOperator(); links++) {
            checkChain(links);
            BinaryOp op = BinaryOp.forSymbol(ts.next().text());
            left = new Expr.Binary(left, op, factor(), left.line(), left.column());
        }
        return left;
    }

    private boolean atTermOperator() {
        return ts.atOp("*") || ts.atOp("/") || ts.atOp("//") || ts.atOp("%") || ts.atOp("@");
    }

    private Expr factor() {
        Token t = ts.peek();
        if (t.isOp("-") || t.isOp("+") || t.isOp("~")) {
            ts.next();
            UnaryOp op = t.text().equals("-") ? UnaryOp.NEG : t.text().equals("+") ? UnaryOp.POS : UnaryOp.INVERT;
            enter();
            try {
                return new Expr.Unary(op, factor(), t.line(), t.column());
            } finally {
                nesting--;
            }
        }
        return power();
    }

    private Expr power() {
        if (ts.atKeyword("await")) {
            throw Subset.refuseKeyword(ts.peek());
        }
        Expr base = primary();
        if (ts.acceptOp("**")) {
            enter();
            try {
                return new Expr.Binary(base, BinaryOp.POW, factor(), base.line(), base.column());
            } finally {
                nesting--;
            }
        }
        return base;
    }

    private Expr primary() {
        Expr e = new AtomParser(ts, this).atom();
        for (int links = 1; true; links++) {
            checkChain(links);
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
        boolean positionalAfterKeyword = false;
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
            } else if (ts.atOp("**")) {
                Token star = ts.next();
                last = expression();
                keywords.add(new Keyword(null, last, star.line(), star.column()));
            } else if (ts.atOp("*")) {
                Token star = ts.next();
                last = new Expr.Starred(expression(), star.line(), star.column());
                positionalAfterKeyword |= keywords.stream().anyMatch(Keyword::isUnpacking);
                args.add(last);
            } else {
                last = expression();
                if (ts.atKeyword("for")) {
                    last = comprehension(Expr.ComprehensionKind.GENERATOR, last, Optional.empty(), ts.peek());
                }
                if (ts.atOp("=")) {
                    throw ScriptSyntaxError.syntax("expression cannot contain assignment, perhaps you meant \"==\"?",
                            last.line(), last.column());
                }
                positionalAfterKeyword |= !keywords.isEmpty();
                args.add(last);
            }
            if (!ts.acceptOp(",")) {
                checkMissingComma(last);
                break;
            }
        }
        if (positionalAfterKeyword && ts.atOp(")")) {
            // Python reports this at the closing parenthesis
            throw ts.errorHere("positional argument follows keyword argument");
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
        Optional<Expr> lower = ts.atOp(":") ? Optional.empty() : Optional.of(namedExpression());
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
