package org.gradviz.app.script.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.gradviz.app.script.ScriptSyntaxError;
import org.gradviz.app.script.ast.BinaryOp;
import org.gradviz.app.script.ast.Expr;
import org.gradviz.app.script.ast.ImportName;
import org.gradviz.app.script.ast.Param;
import org.gradviz.app.script.ast.Program;
import org.gradviz.app.script.ast.Stmt;

/**
 * Parses statements: simple ones separated by {@code ;} on a logical line, and the compound {@code if}, {@code for},
 * {@code def} and {@code with} with their indented blocks. Constructs outside the subset are refused where their
 * keyword stands.
 */
final class StatementParser {

    private final TokenStream ts;
    private final ExpressionParser expressions;
    private final ParameterParser parameters;
    private int functionDepth;
    private int loopDepth;
    /** A refused import lets parsing go on, so that a later syntax error is reported first, as Python would. */
    private ScriptSyntaxError deferredRefusal;

    StatementParser(TokenStream ts) {
        this.ts = ts;
        this.expressions = new ExpressionParser(ts);
        this.parameters = new ParameterParser(ts, expressions);
    }

    Program program() {
        List<Stmt> body = new ArrayList<>();
        while (!ts.at(TokenKind.END)) {
            body.addAll(statement());
        }
        if (deferredRefusal != null) {
            throw deferredRefusal;
        }
        return new Program(body);
    }

    private List<Stmt> statement() {
        Token t = ts.peek();
        if (t.kind() == TokenKind.INDENT) {
            throw ScriptSyntaxError.indentation("unexpected indent", t.line(), t.column());
        }
        if (t.kind() == TokenKind.KEYWORD) {
            if (Subset.REFUSED_KEYWORDS.contains(t.text())) {
                throw Subset.refuseKeyword(t);
            }
            switch (t.text()) {
                case "if" -> {
                    return List.of(ifStatement("'if' statement"));
                }
                case "for" -> {
                    return List.of(forStatement());
                }
                case "while" -> {
                    return List.of(whileStatement());
                }
                case "try" -> {
                    return List.of(tryStatement());
                }
                case "class" -> {
                    return List.of(classDef());
                }
                case "def" -> {
                    return List.of(functionDef());
                }
                case "with" -> {
                    return List.of(withStatement());
                }
                default -> {
                }
            }
        }
        if (t.isOp("@")) {
            return decorated();
        }
        return simpleStatements();
    }

    /**
     * {@code @d1 @d2 def f(...)} (or {@code class}): the definition, then {@code f = d1(d2(f))}. Python evaluates the
     * decorator expressions before the definition; only a decorator with side effects could tell the difference.
     */
    private List<Stmt> decorated() {
        List<Expr> decorators = new ArrayList<>();
        while (ts.acceptOp("@")) {
            decorators.add(expressions.expression());
            ts.expect(TokenKind.NEWLINE);
        }
        Token t = ts.peek();
        Stmt definition;
        String name;
        if (t.kind() == TokenKind.KEYWORD && t.text().equals("def")) {
            Stmt.FunctionDef def = (Stmt.FunctionDef) functionDef();
            definition = def;
            name = def.name();
        } else if (t.kind() == TokenKind.KEYWORD && t.text().equals("class")) {
            Stmt.ClassDef def = (Stmt.ClassDef) classDef();
            definition = def;
            name = def.name();
        } else {
            throw ScriptSyntaxError.syntax("invalid syntax", t.line(), t.column());
        }
        Expr value = new Expr.Name(name, t.line(), t.column());
        for (int i = decorators.size() - 1; i >= 0; i--) {
            Expr d = decorators.get(i);
            value = new Expr.Call(d, List.of(value), List.of(), d.line(), d.column());
        }
        Expr target = new Expr.Name(name, t.line(), t.column());
        return List.of(definition, new Stmt.Assign(List.of(target), value, t.line(), t.column()));
    }

    /** {@code simple (';' simple)* [';'] NEWLINE}. */
    private List<Stmt> simpleStatements() {
        List<Stmt> statements = new ArrayList<>();
        do {
            statements.add(simpleStatement());
        } while (ts.acceptOp(";") && !ts.at(TokenKind.NEWLINE));
        ts.expect(TokenKind.NEWLINE);
        return statements;
    }

    private Stmt simpleStatement() {
        Token t = ts.peek();
        if (t.kind() == TokenKind.KEYWORD) {
            switch (t.text()) {
                case "global", "nonlocal" -> {
                    return declaration();
                }
                case "raise" -> {
                    return raiseStatement();
                }
                case "assert" -> {
                    return assertStatement();
                }
                case "pass" -> {
                    ts.next();
                    return new Stmt.Pass(t.line(), t.column());
                }
                case "break" -> {
                    return loopControl(t, "'break' outside loop");
                }
                case "continue" -> {
                    return loopControl(t, "'continue' not properly in loop");
                }
                case "return" -> {
                    return returnStatement();
                }
                case "del" -> {
                    return delStatement();
                }
                case "import" -> {
                    return importStatement();
                }
                case "from" -> {
                    return fromImport();
                }
                default -> {
                }
            }
        }
        return assignmentOrExpression();
    }

    private Stmt loopControl(Token t, String outsideLoop) {
        if (loopDepth == 0) {
            throw ScriptSyntaxError.syntax(outsideLoop, t.line(), t.column());
        }
        ts.next();
        return t.text().equals("break") ? new Stmt.Break(t.line(), t.column())
                : new Stmt.Continue(t.line(), t.column());
    }

    private Stmt returnStatement() {
        Token t = ts.next();
        if (functionDepth == 0) {
            throw ScriptSyntaxError.syntax("'return' outside function", t.line(), t.column());
        }
        boolean bare = ts.at(TokenKind.NEWLINE) || ts.atOp(";");
        Optional<Expr> value = bare ? Optional.empty() : Optional.of(expressions.starExpressionsValue());
        return new Stmt.Return(value, t.line(), t.column());
    }

    /** {@code del} and its targets, checked with Python's messages ({@code cannot delete function call}). */
    private Stmt delStatement() {
        Token t = ts.next();
        List<Expr> targets = new ArrayList<>();
        do {
            if (ts.at(TokenKind.NEWLINE) || ts.atOp(";")) {
                break;
            }
            Expr target = expressions.starredOrNamed();
            Targets.checkDelete(target);
            targets.add(target);
        } while (ts.acceptOp(","));
        if (targets.isEmpty()) {
            throw ScriptSyntaxError.syntax("invalid syntax", t.line(), t.column() + 3);
        }
        return new Stmt.Del(targets, t.line(), t.column());
    }

    private Stmt declaration() {
        Token t = ts.next();
        List<String> names = new ArrayList<>();
        do {
            names.add(ts.expectName().text());
        } while (ts.acceptOp(","));
        return t.text().equals("global") ? new Stmt.Global(names, t.line(), t.column())
                : new Stmt.Nonlocal(names, t.line(), t.column());
    }

    private Stmt raiseStatement() {
        Token t = ts.next();
        boolean bare = ts.at(TokenKind.NEWLINE) || ts.atOp(";");
        Optional<Expr> exception = bare ? Optional.empty() : Optional.of(expressions.expression());
        if (ts.atKeyword("from")) {
            throw Subset.refuse("'raise ... from'", ts.peek());
        }
        return new Stmt.Raise(exception, t.line(), t.column());
    }

    private Stmt assertStatement() {
        Token t = ts.next();
        Expr test = expressions.expression();
        Optional<Expr> message = ts.acceptOp(",") ? Optional.of(expressions.expression()) : Optional.empty();
        return new Stmt.Assert(test, message, t.line(), t.column());
    }

    private Stmt importStatement() {
        Token t = ts.next();
        List<ImportName> names = new ArrayList<>();
        do {
            Token start = ts.peek();
            String module = dottedName();
            defer(Subset.checkImport("import " + module, module, start));
            names.add(new ImportName(module, alias(), start.line(), start.column()));
        } while (ts.acceptOp(","));
        return new Stmt.Import(names, t.line(), t.column());
    }

    private Stmt fromImport() {
        Token t = ts.next();
        if (ts.atOp(".") || ts.atOp("...")) {
            throw Subset.refuse("a relative import", ts.peek());
        }
        Token start = ts.peek();
        String module = dottedName();
        ts.expectKeyword("import");
        defer(Subset.checkImport("from " + module + " import", module, start));
        if (ts.atOp("*")) {
            throw Subset.refuse("'from ... import *'", ts.peek());
        }
        boolean parenthesised = ts.acceptOp("(");
        List<ImportName> names = new ArrayList<>();
        do {
            Token name = ts.expectName();
            names.add(new ImportName(name.text(), alias(), name.line(), name.column()));
        } while (ts.acceptOp(",") && !(parenthesised && ts.atOp(")")));
        if (parenthesised) {
            ts.expectOp(")");
        }
        return new Stmt.ImportFrom(module, names, t.line(), t.column());
    }

    private void defer(Optional<ScriptSyntaxError> refusal) {
        if (deferredRefusal == null && refusal.isPresent()) {
            deferredRefusal = refusal.get();
        }
    }

    private String dottedName() {
        StringBuilder name = new StringBuilder(ts.expectName().text());
        while (ts.acceptOp(".")) {
            name.append('.').append(ts.expectName().text());
        }
        return name.toString();
    }

    private Optional<String> alias() {
        return ts.acceptKeyword("as") ? Optional.of(ts.expectName().text()) : Optional.empty();
    }

    private Stmt assignmentOrExpression() {
        Expr first = expressions.starExpressions();
        if (ts.atOp("=")) {
            List<Expr> chain = new ArrayList<>(List.of(first));
            while (ts.acceptOp("=")) {
                if (ts.atKeyword("yield")) {
                    throw Subset.refuseKeyword(ts.peek());
                }
                chain.add(expressions.starExpressions());
            }
            List<Expr> targets = chain.subList(0, chain.size() - 1);
            targets.forEach(Targets::checkAssign);
            targets.forEach(Targets::checkStarred);
            Expr value = ExpressionParser.noBareStar(chain.get(chain.size() - 1));
            return new Stmt.Assign(targets, value, first.line(), first.column());
        }
        Token op = ts.peek();
        if (op.kind() == TokenKind.OP && op.text().length() >= 2 && op.text().endsWith("=")
                && !op.text().equals("==") && !op.text().equals("!=") && !op.text().equals("<=")
                && !op.text().equals(">=")) {
            return augmentedAssignment(first, op);
        }
        if (op.isOp(":")) {
            throw Subset.refuse("a variable annotation", op);
        }
        return new Stmt.ExprStmt(ExpressionParser.noBareStar(first), first.line(), first.column());
    }

    private Stmt augmentedAssignment(Expr target, Token op) {
        Targets.checkAugmented(target);
        BinaryOp binary = BinaryOp.forAugmented(op.text());
        if (binary == null) {
            throw Subset.refuse("the augmented assignment '" + op.text() + "'", op);
        }
        ts.next();
        Expr value = expressions.starExpressionsValue();
        return new Stmt.AugAssign(target, binary, value, target.line(), target.column());
    }

    /** {@code if}/{@code elif}: {@code what} names the header for an indentation error. */
    private Stmt ifStatement(String what) {
        Token keyword = ts.next();
        Expr test = expressions.namedExpression();
        ts.expectOp(":", "expected ':'");
        List<Stmt> body = block(what, keyword);
        List<Stmt> orElse = List.of();
        if (ts.atKeyword("elif")) {
            orElse = List.of(ifStatement("'elif' statement"));
        } else if (ts.atKeyword("else")) {
            Token elseKeyword = ts.next();
            ts.expectOp(":", "expected ':'");
            orElse = block("'else' statement", elseKeyword);
        }
        return new Stmt.If(test, body, orElse, keyword.line(), keyword.column());
    }

    private Stmt forStatement() {
        Token keyword = ts.next();
        Expr target = expressions.targetList();
        Targets.checkFor(target);
        Targets.checkStarred(target);
        ts.expectKeyword("in");
        Expr iterable = expressions.starExpressionsValue();
        ts.expectOp(":", "expected ':'");
        loopDepth++;
        List<Stmt> body = block("'for' statement", keyword);
        loopDepth--;
        return new Stmt.For(target, iterable, body, loopElse(), keyword.line(), keyword.column());
    }

    private Stmt whileStatement() {
        Token keyword = ts.next();
        Expr test = expressions.namedExpression();
        ts.expectOp(":", "expected ':'");
        loopDepth++;
        List<Stmt> body = block("'while' statement", keyword);
        loopDepth--;
        return new Stmt.While(test, body, loopElse(), keyword.line(), keyword.column());
    }

    /** A loop's {@code else:} block, or none; a {@code break} in it belongs to an enclosing loop. */
    private List<Stmt> loopElse() {
        if (!ts.atKeyword("else")) {
            return List.of();
        }
        Token elseKeyword = ts.next();
        ts.expectOp(":", "expected ':'");
        return block("'else' statement", elseKeyword);
    }

    private Stmt tryStatement() {
        Token keyword = ts.next();
        ts.expectOp(":", "expected ':'");
        List<Stmt> body = block("'try' statement", keyword);
        List<Stmt.Handler> handlers = new ArrayList<>();
        while (ts.atKeyword("except")) {
            handlers.add(handler());
        }
        List<Stmt> orElse = List.of();
        if (!handlers.isEmpty() && ts.atKeyword("else")) {
            Token elseKeyword = ts.next();
            ts.expectOp(":", "expected ':'");
            orElse = block("'else' statement", elseKeyword);
        }
        List<Stmt> finalBody = List.of();
        if (ts.atKeyword("finally")) {
            Token finallyKeyword = ts.next();
            ts.expectOp(":", "expected ':'");
            finalBody = block("'finally' statement", finallyKeyword);
        } else if (handlers.isEmpty()) {
            throw ts.errorHere("expected 'except' or 'finally' block");
        }
        return new Stmt.Try(body, handlers, orElse, finalBody, keyword.line(), keyword.column());
    }

    private Stmt.Handler handler() {
        Token keyword = ts.next();
        if (ts.atOp("*")) {
            throw Subset.refuse("'except*'", ts.peek());
        }
        Optional<Expr> type = Optional.empty();
        Optional<String> name = Optional.empty();
        if (!ts.atOp(":")) {
            type = Optional.of(expressions.expression());
            if (ts.acceptKeyword("as")) {
                name = Optional.of(ts.expectName().text());
            }
        }
        ts.expectOp(":", "expected ':'");
        List<Stmt> body = block("'except' statement", keyword);
        return new Stmt.Handler(type, name, body, keyword.line(), keyword.column());
    }

    private Stmt classDef() {
        Token keyword = ts.next();
        Token name = ts.expectName();
        List<Expr> bases = new ArrayList<>();
        if (ts.acceptOp("(")) {
            while (!ts.atOp(")")) {
                if (ts.at(TokenKind.NAME) && ts.peek(1).isOp("=")) {
                    throw Subset.refuse("a keyword in a class definition", ts.peek());
                }
                expressions.refuseStar(true);
                bases.add(expressions.expression());
                if (!ts.acceptOp(",")) {
                    break;
                }
            }
            ts.expectOp(")");
        }
        if (bases.size() > 1) {
            Expr second = bases.get(1);
            throw Subset.refuse("multiple inheritance", second.line(), second.column());
        }
        ts.expectOp(":", "expected ':'");
        int outerLoops = loopDepth;
        int outerFunctions = functionDepth;
        loopDepth = 0;
        functionDepth = 0;
        List<Stmt> body = block("class definition", keyword);
        loopDepth = outerLoops;
        functionDepth = outerFunctions;
        return new Stmt.ClassDef(name.text(), bases, body, keyword.line(), keyword.column());
    }

    private Stmt withStatement() {
        Token keyword = ts.next();
        Expr context = expressions.expression();
        Optional<String> alias = Optional.empty();
        if (ts.acceptKeyword("as")) {
            if (!ts.at(TokenKind.NAME)) {
                throw Subset.refuse("a 'with ... as' target other than a name", ts.peek());
            }
            alias = Optional.of(ts.next().text());
        }
        if (ts.atOp(",")) {
            throw Subset.refuse("several context managers in one 'with'", ts.peek());
        }
        ts.expectOp(":", "expected ':'");
        List<Stmt> body = block("'with' statement", keyword);
        return new Stmt.With(context, alias, body, keyword.line(), keyword.column());
    }

    private Stmt functionDef() {
        Token keyword = ts.next();
        Token name = ts.expectName();
        ts.expectOp("(", "expected '('");
        List<Param> params = parameters.parse(")");
        ts.expectOp(")");
        if (ts.acceptOp("->")) {
            // NOTE: the return annotation is read and dropped, as parameters' are
            expressions.expression();
        }
        ts.expectOp(":", "expected ':'");
        int outerLoops = loopDepth;
        loopDepth = 0;
        functionDepth++;
        List<Stmt> body = block("function definition", keyword);
        functionDepth--;
        loopDepth = outerLoops;
        return new Stmt.FunctionDef(name.text(), params, body, keyword.line(), keyword.column());
    }

    /** The body after a header's colon: an indented block, or simple statements on the same line. */
    private List<Stmt> block(String what, Token header) {
        if (!ts.at(TokenKind.NEWLINE)) {
            return simpleStatements();
        }
        ts.next();
        if (!ts.at(TokenKind.INDENT)) {
            Token t = ts.peek();
            throw ScriptSyntaxError.indentation(
                    "expected an indented block after " + what + " on line " + header.line(), t.line(), t.column());
        }
        ts.next();
        List<Stmt> body = new ArrayList<>();
        while (!ts.at(TokenKind.DEDENT) && !ts.at(TokenKind.END)) {
            body.addAll(statement());
        }
        ts.expect(TokenKind.DEDENT);
        return body;
    }
}
