package org.gradviz.app.script.ast;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Walks a syntax tree: the direct sub-expressions of an expression, every expression of a block. */
public final class AstWalk {

    private AstWalk() {
    }

    /** Every expression in {@code body}, nested ones and those in nested blocks included, outermost first. */
    public static void expressions(List<Stmt> body, Consumer<Expr> visit) {
        for (Stmt s : body) {
            statementExpressions(s).forEach(e -> expression(e, visit));
            blocks(s).forEach(b -> expressions(b, visit));
        }
    }

    private static void expression(Expr e, Consumer<Expr> visit) {
        visit.accept(e);
        children(e).forEach(c -> expression(c, visit));
    }

    /** The expressions a statement holds directly (not those of its blocks). */
    private static List<Expr> statementExpressions(Stmt s) {
        List<Expr> out = new ArrayList<>();
        if (s instanceof Stmt.ExprStmt e) {
            out.add(e.expr());
        } else if (s instanceof Stmt.Assign a) {
            out.addAll(a.targets());
            out.add(a.value());
        } else if (s instanceof Stmt.AugAssign a) {
            out.add(a.target());
            out.add(a.value());
        } else if (s instanceof Stmt.For f) {
            out.add(f.target());
            out.add(f.iterable());
        } else if (s instanceof Stmt.While w) {
            out.add(w.test());
        } else if (s instanceof Stmt.If i) {
            out.add(i.test());
        } else if (s instanceof Stmt.With w) {
            out.add(w.context());
        } else if (s instanceof Stmt.FunctionDef d) {
            d.params().forEach(p -> p.defaultValue().ifPresent(out::add));
        } else if (s instanceof Stmt.ClassDef c) {
            out.addAll(c.bases());
        } else if (s instanceof Stmt.Return r) {
            r.value().ifPresent(out::add);
        } else if (s instanceof Stmt.Raise r) {
            r.exception().ifPresent(out::add);
        } else if (s instanceof Stmt.Assert a) {
            out.add(a.test());
            a.message().ifPresent(out::add);
        } else if (s instanceof Stmt.Try t) {
            t.handlers().forEach(h -> h.type().ifPresent(out::add));
        } else if (s instanceof Stmt.Del d) {
            out.addAll(d.targets());
        }
        return out;
    }

    /** The blocks of a compound statement. */
    private static List<List<Stmt>> blocks(Stmt s) {
        if (s instanceof Stmt.For f) {
            return List.of(f.body(), f.orElse());
        } else if (s instanceof Stmt.While w) {
            return List.of(w.body(), w.orElse());
        } else if (s instanceof Stmt.If i) {
            return List.of(i.body(), i.orElse());
        } else if (s instanceof Stmt.With w) {
            return List.of(w.body());
        } else if (s instanceof Stmt.FunctionDef d) {
            return List.of(d.body());
        } else if (s instanceof Stmt.ClassDef c) {
            return List.of(c.body());
        } else if (s instanceof Stmt.Try t) {
            List<List<Stmt>> out = new ArrayList<>(List.of(t.body()));
            t.handlers().forEach(h -> out.add(h.body()));
            out.add(t.orElse());
            out.add(t.finalBody());
            return out;
        }
        return List.of();
    }

    /** The direct sub-expressions of an expression; for a lambda or comprehension, those in its own scope too. */
    public static List<Expr> children(Expr e) {
        List<Expr> out = new ArrayList<>();
        if (e instanceof Expr.FString s) {
            fieldExprs(s.parts(), out);
        } else if (e instanceof Expr.ListExpr l) {
            out.addAll(l.elements());
        } else if (e instanceof Expr.TupleExpr t) {
            out.addAll(t.elements());
        } else if (e instanceof Expr.SetExpr t) {
            out.addAll(t.elements());
        } else if (e instanceof Expr.DictExpr d) {
            for (int i = 0; i < d.keys().size(); i++) {
                d.keys().get(i).ifPresent(out::add);
                out.add(d.values().get(i));
            }
        } else if (e instanceof Expr.Unary u) {
            out.add(u.operand());
        } else if (e instanceof Expr.Binary b) {
            out.add(b.left());
            out.add(b.right());
        } else if (e instanceof Expr.Logical l) {
            out.add(l.left());
            out.add(l.right());
        } else if (e instanceof Expr.Compare c) {
            out.add(c.left());
            out.addAll(c.comparators());
        } else if (e instanceof Expr.IfExpr i) {
            out.add(i.test());
            out.add(i.body());
            out.add(i.orElse());
        } else if (e instanceof Expr.Call c) {
            out.add(c.function());
            out.addAll(c.args());
            c.keywords().stream().map(Keyword::value).forEach(out::add);
        } else if (e instanceof Expr.Starred st) {
            out.add(st.value());
        } else if (e instanceof Expr.Attribute a) {
            out.add(a.object());
        } else if (e instanceof Expr.Subscript s) {
            out.add(s.object());
            out.add(s.index());
        } else if (e instanceof Expr.Slice s) {
            optional(s.lower(), out);
            optional(s.upper(), out);
            optional(s.step(), out);
        } else if (e instanceof Expr.Lambda l) {
            l.function().params().forEach(p -> p.defaultValue().ifPresent(out::add));
            l.function().body().forEach(s -> out.addAll(statementExpressions(s)));
        } else if (e instanceof Expr.Comprehension c) {
            for (Expr.ComprehensionFor loop : c.loops()) {
                out.add(loop.iterable());
                out.add(loop.target());
                out.addAll(loop.conditions());
            }
            out.add(c.element());
            c.value().ifPresent(out::add);
        }
        return out;
    }

    private static void optional(Optional<Expr> e, List<Expr> out) {
        e.ifPresent(out::add);
    }

    private static void fieldExprs(List<FStringPart> parts, List<Expr> out) {
        for (FStringPart part : parts) {
            if (part instanceof FStringPart.Field field) {
                out.add(field.expr());
                fieldExprs(field.spec(), out);
            }
        }
    }
}
