package org.gradviz.app.script.syntax;

import java.util.List;
import java.util.stream.Collectors;

import org.gradviz.app.script.ast.Expr;
import org.gradviz.app.script.ast.FStringPart;
import org.gradviz.app.script.ast.ImportName;
import org.gradviz.app.script.ast.Program;
import org.gradviz.app.script.ast.Stmt;
import org.gradviz.app.script.format.PythonFormat;

/** Renders a syntax tree as compact s-expressions so tests can state a tree's shape in one line. */
final class AstDump {

    private AstDump() {
    }

    static String program(Program program) {
        return stmts(program.body());
    }

    static String stmts(List<Stmt> stmts) {
        return stmts.stream().map(AstDump::stmt).collect(Collectors.joining(" "));
    }

    static String stmt(Stmt s) {
        if (s instanceof Stmt.ExprStmt e) {
            return expr(e.expr());
        }
        if (s instanceof Stmt.Assign a) {
            return "(= " + exprs(a.targets()) + " " + expr(a.value()) + ")";
        }
        if (s instanceof Stmt.AugAssign a) {
            return "(" + a.op().symbol() + "= " + expr(a.target()) + " " + expr(a.value()) + ")";
        }
        if (s instanceof Stmt.Import i) {
            return "(import " + names(i.names()) + ")";
        }
        if (s instanceof Stmt.ImportFrom i) {
            return "(from " + i.module() + " " + names(i.names()) + ")";
        }
        if (s instanceof Stmt.For f) {
            String orElse = f.orElse().isEmpty() ? "" : " else [" + stmts(f.orElse()) + "]";
            return "(for " + expr(f.target()) + " " + expr(f.iterable()) + " [" + stmts(f.body()) + "]" + orElse + ")";
        }
        if (s instanceof Stmt.While w) {
            String orElse = w.orElse().isEmpty() ? "" : " else [" + stmts(w.orElse()) + "]";
            return "(while " + expr(w.test()) + " [" + stmts(w.body()) + "]" + orElse + ")";
        }
        if (s instanceof Stmt.Del d) {
            return "(del " + exprs(d.targets()) + ")";
        }
        if (s instanceof Stmt.If i) {
            return "(if " + expr(i.test()) + " [" + stmts(i.body()) + "] [" + stmts(i.orElse()) + "])";
        }
        if (s instanceof Stmt.With w) {
            return "(with " + expr(w.context()) + w.alias().map(a -> " as " + a).orElse("") + " ["
                    + stmts(w.body()) + "])";
        }
        if (s instanceof Stmt.FunctionDef f) {
            String params = f.params().stream()
                    .map(p -> p.name() + p.defaultValue().map(d -> "=" + expr(d)).orElse(""))
                    .collect(Collectors.joining(" "));
            return "(def " + f.name() + " (" + params + ") [" + stmts(f.body()) + "])";
        }
        if (s instanceof Stmt.Return r) {
            return r.value().map(v -> "(return " + expr(v) + ")").orElse("(return)");
        }
        if (s instanceof Stmt.Pass) {
            return "pass";
        }
        if (s instanceof Stmt.Break) {
            return "break";
        }
        if (s instanceof Stmt.Continue) {
            return "continue";
        }
        throw new IllegalArgumentException(s.toString());
    }

    private static String names(List<ImportName> names) {
        return names.stream().map(n -> n.name() + n.alias().map(a -> " as " + a).orElse(""))
                .collect(Collectors.joining(", "));
    }

    static String exprs(List<Expr> exprs) {
        return exprs.stream().map(AstDump::expr).collect(Collectors.joining(" "));
    }

    static String expr(Expr e) {
        if (e instanceof Expr.Name n) {
            return n.id();
        }
        if (e instanceof Expr.IntLiteral i) {
            return i.value().toString();
        }
        if (e instanceof Expr.FloatLiteral f) {
            return "f" + PythonFormat.floatRepr(f.value());
        }
        if (e instanceof Expr.StringLiteral s) {
            return "'" + s.value() + "'";
        }
        if (e instanceof Expr.BoolLiteral b) {
            return b.value() ? "True" : "False";
        }
        if (e instanceof Expr.NoneLiteral) {
            return "None";
        }
        if (e instanceof Expr.FString f) {
            return "(f " + parts(f.parts()) + ")";
        }
        if (e instanceof Expr.ListExpr l) {
            return "[" + exprs(l.elements()) + "]";
        }
        if (e instanceof Expr.TupleExpr t) {
            return "(tuple " + exprs(t.elements()) + ")";
        }
        if (e instanceof Expr.Unary u) {
            return "(" + u.op().symbol() + " " + expr(u.operand()) + ")";
        }
        if (e instanceof Expr.Binary b) {
            return "(" + b.op().symbol() + " " + expr(b.left()) + " " + expr(b.right()) + ")";
        }
        if (e instanceof Expr.Logical l) {
            return "(" + l.op().symbol() + " " + expr(l.left()) + " " + expr(l.right()) + ")";
        }
        if (e instanceof Expr.Compare c) {
            StringBuilder out = new StringBuilder("(cmp ").append(expr(c.left()));
            for (int i = 0; i < c.ops().size(); i++) {
                out.append(' ').append(c.ops().get(i).symbol()).append(' ').append(expr(c.comparators().get(i)));
            }
            return out.append(')').toString();
        }
        if (e instanceof Expr.IfExpr i) {
            return "(ifexp " + expr(i.test()) + " " + expr(i.body()) + " " + expr(i.orElse()) + ")";
        }
        if (e instanceof Expr.Call c) {
            String keywords = c.keywords().stream().map(k -> " " + k.name() + "=" + expr(k.value()))
                    .collect(Collectors.joining());
            String args = c.args().isEmpty() ? "" : " " + exprs(c.args());
            return "(call " + expr(c.function()) + args + keywords + ")";
        }
        if (e instanceof Expr.Attribute a) {
            return "(. " + expr(a.object()) + " " + a.name() + ")";
        }
        if (e instanceof Expr.Subscript s) {
            return "(sub " + expr(s.object()) + " " + expr(s.index()) + ")";
        }
        if (e instanceof Expr.Slice s) {
            return "(slice " + s.lower().map(AstDump::expr).orElse("_") + " " + s.upper().map(AstDump::expr)
                    .orElse("_") + " " + s.step().map(AstDump::expr).orElse("_") + ")";
        }
        throw new IllegalArgumentException(e.toString());
    }

    static String parts(List<FStringPart> parts) {
        return parts.stream().map(AstDump::part).collect(Collectors.joining(" "));
    }

    private static String part(FStringPart p) {
        if (p instanceof FStringPart.Text t) {
            return "'" + t.text() + "'";
        }
        FStringPart.Field f = (FStringPart.Field) p;
        String conversion = switch (f.conversion()) {
            case NONE -> "";
            case STR -> "!s";
            case REPR -> "!r";
            case ASCII -> "!a";
        };
        String spec = f.spec().isEmpty() ? "" : " :" + parts(f.spec());
        return "{" + expr(f.expr()) + conversion + spec + "}";
    }
}
