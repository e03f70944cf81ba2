package org.gradviz.app.script.resolve;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.gradviz.app.script.ScriptSyntaxError;
import org.gradviz.app.script.ast.AstWalk;
import org.gradviz.app.script.ast.Expr;
import org.gradviz.app.script.ast.ImportName;
import org.gradviz.app.script.ast.Param;
import org.gradviz.app.script.ast.Program;
import org.gradviz.app.script.ast.Stmt;

/**
 * The pass between parsing and running that decides, once, which scope every name of a function belongs to, as
 * Python's compiler does: a name assigned anywhere in a function is local to it (read before its assignment, it
 * raises UnboundLocalError), unless declared {@code global} or {@code nonlocal}. Misplaced declarations are Python's
 * SyntaxErrors.
 */
public final class Resolver {

    private enum Kind { MODULE, FUNCTION, CLASS, COMPREHENSION }

    /** One scope being walked. */
    private static final class Context {
        final Kind kind;
        final Context parent;
        final Set<String> params = new LinkedHashSet<>();
        final Set<String> locals = new LinkedHashSet<>();
        final Set<String> globals = new LinkedHashSet<>();
        final Set<String> nonlocals = new LinkedHashSet<>();
        final Set<String> assigned = new LinkedHashSet<>();
        final Set<String> used = new LinkedHashSet<>();

        Context(Kind kind, Context parent) {
            this.kind = kind;
            this.parent = parent;
        }

        ScopeNames names() {
            return new ScopeNames(locals, globals, nonlocals);
        }
    }

    private record PendingNonlocal(Context scope, String name, Stmt.Nonlocal statement) {
    }

    private final Resolution resolution = new Resolution();
    private final List<PendingNonlocal> nonlocals = new ArrayList<>();
    private Context current = new Context(Kind.MODULE, null);

    private Resolver() {
    }

    /** Resolves a whole program; throws {@link ScriptSyntaxError} for a misplaced global/nonlocal. */
    public static Resolution resolve(Program program) {
        Resolver r = new Resolver();
        r.statements(program.body());
        r.checkNonlocals();
        return r.resolution;
    }

    private void checkNonlocals() {
        for (PendingNonlocal p : nonlocals) {
            Context c = p.scope().parent;
            while (c != null && c.kind != Kind.MODULE && !(c.kind != Kind.CLASS && c.locals.contains(p.name()))) {
                c = c.parent;
            }
            if (c == null || c.kind == Kind.MODULE) {
                throw ScriptSyntaxError.syntax("no binding for nonlocal '" + p.name() + "' found",
                        p.statement().line(), p.statement().column());
            }
        }
    }

    // ----- statements

    private void statements(List<Stmt> body) {
        body.forEach(this::statement);
    }

    private void statement(Stmt s) {
        if (s instanceof Stmt.ExprStmt e) {
            expr(e.expr());
        } else if (s instanceof Stmt.Assign a) {
            expr(a.value());
            a.targets().forEach(this::target);
        } else if (s instanceof Stmt.AugAssign a) {
            expr(a.value());
            if (a.target() instanceof Expr.Name n) {
                use(n.id());
            }
            target(a.target());
        } else if (s instanceof Stmt.Import imp) {
            for (ImportName name : imp.names()) {
                bind(name.alias().orElse(name.name().split("\\.")[0]));
            }
        } else if (s instanceof Stmt.ImportFrom imp) {
            imp.names().forEach(name -> bind(name.alias().orElse(name.name())));
        } else if (s instanceof Stmt.For loop) {
            expr(loop.iterable());
            target(loop.target());
            statements(loop.body());
            statements(loop.orElse());
        } else if (s instanceof Stmt.While loop) {
            expr(loop.test());
            statements(loop.body());
            statements(loop.orElse());
        } else if (s instanceof Stmt.Del d) {
            // NOTE: as an assignment does, del makes a name local to the function it is in
            d.targets().forEach(this::target);
        } else if (s instanceof Stmt.If i) {
            expr(i.test());
            statements(i.body());
            statements(i.orElse());
        } else if (s instanceof Stmt.With w) {
            expr(w.context());
            w.alias().ifPresent(this::bind);
            statements(w.body());
        } else if (s instanceof Stmt.FunctionDef def) {
            function(def);
            bind(def.name());
        } else if (s instanceof Stmt.ClassDef c) {
            classDef(c);
        } else if (s instanceof Stmt.Return r) {
            r.value().ifPresent(this::expr);
        } else if (s instanceof Stmt.Raise r) {
            r.exception().ifPresent(this::expr);
        } else if (s instanceof Stmt.Assert a) {
            expr(a.test());
            a.message().ifPresent(this::expr);
        } else if (s instanceof Stmt.Try t) {
            statements(t.body());
            for (Stmt.Handler h : t.handlers()) {
                h.type().ifPresent(this::expr);
                h.name().ifPresent(this::bind);
                statements(h.body());
            }
            statements(t.orElse());
            statements(t.finalBody());
        } else if (s instanceof Stmt.Global g) {
            declare(g.names(), current.globals, "global", g);
        } else if (s instanceof Stmt.Nonlocal n) {
            if (current.kind == Kind.MODULE) {
                throw ScriptSyntaxError.syntax("nonlocal declaration not allowed at module level", n.line(),
                        n.column());
            }
            declare(n.names(), current.nonlocals, "nonlocal", n);
            n.names().forEach(name -> nonlocals.add(new PendingNonlocal(current, name, n)));
        }
        // pass, break and continue name nothing
    }

    private void declare(List<String> names, Set<String> into, String what, Stmt at) {
        if (current.kind == Kind.MODULE) {
            return;
        }
        for (String name : names) {
            String problem = current.params.contains(name) ? "is parameter and " + what
                    : current.assigned.contains(name) ? "is assigned to before " + what + " declaration"
                    : current.used.contains(name) ? "is used prior to " + what + " declaration" : null;
            if (problem != null) {
                throw ScriptSyntaxError.syntax("name '" + name + "' " + problem, at.line(), at.column());
            }
            current.locals.remove(name);
            into.add(name);
        }
    }

    private void function(Stmt.FunctionDef def) {
        for (Param p : def.params()) {
            p.defaultValue().ifPresent(this::expr);
        }
        Context inner = enter(Kind.FUNCTION);
        for (Param p : def.params()) {
            inner.params.add(p.name());
            bind(p.name());
        }
        statements(def.body());
        leave(inner, def);
    }

    private void classDef(Stmt.ClassDef c) {
        c.bases().forEach(this::expr);
        Context inner = enter(Kind.CLASS);
        statements(c.body());
        current = inner.parent;
        bind(c.name());
    }

    private Context enter(Kind kind) {
        current = new Context(kind, current);
        return current;
    }

    private void leave(Context scope, Object node) {
        current = scope.parent;
        resolution.put(node, scope.names());
    }

    private void target(Expr target) {
        if (target instanceof Expr.Name n) {
            bind(n.id());
        } else if (target instanceof Expr.TupleExpr t) {
            t.elements().forEach(this::target);
        } else if (target instanceof Expr.ListExpr l) {
            l.elements().forEach(this::target);
        } else if (target instanceof Expr.Starred st) {
            target(st.value());
        } else {
            expr(target);
        }
    }

    private void bind(String name) {
        current.assigned.add(name);
        if (!current.globals.contains(name) && !current.nonlocals.contains(name)) {
            current.locals.add(name);
        }
    }

    private void use(String name) {
        current.used.add(name);
    }

    // ----- expressions

    private void expr(Expr e) {
        if (e instanceof Expr.Name n) {
            use(n.id());
        } else if (e instanceof Expr.Lambda l) {
            function(l.function());
        } else if (e instanceof Expr.Comprehension c) {
            comprehension(c);
        } else {
            AstWalk.children(e).forEach(this::expr);
        }
    }

    private void comprehension(Expr.Comprehension c) {
        // NOTE: the first iterable is evaluated in the enclosing scope, the rest in the comprehension's own
        expr(c.loops().get(0).iterable());
        Context inner = enter(Kind.COMPREHENSION);
        for (int i = 0; i < c.loops().size(); i++) {
            Expr.ComprehensionFor loop = c.loops().get(i);
            if (i > 0) {
                expr(loop.iterable());
            }
            target(loop.target());
            loop.conditions().forEach(this::expr);
        }
        expr(c.element());
        c.value().ifPresent(this::expr);
        leave(inner, c);
    }
}
