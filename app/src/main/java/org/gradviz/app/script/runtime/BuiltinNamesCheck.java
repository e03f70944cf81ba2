package org.gradviz.app.script.runtime;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.gradviz.app.script.ScriptSyntaxError;
import org.gradviz.app.script.ast.AstWalk;
import org.gradviz.app.script.ast.Expr;
import org.gradviz.app.script.ast.ImportName;
import org.gradviz.app.script.ast.Program;
import org.gradviz.app.script.ast.Stmt;
import org.gradviz.app.script.syntax.Subset;

/**
 * The check before running that every Python builtin a program uses is one gradviz has: {@code set(...)} in a program
 * that never binds the name {@code set} is refused at its place, {@code 'set' is not supported by gradviz}, instead of
 * a NameError Python would never give.
 */
final class BuiltinNamesCheck {
    /** Python 3.11's builtin functions and types (exceptions are all there). */
    private static final Set<String> PYTHON_BUILTINS = Set.of("abs", "aiter", "all", "anext", "any", "ascii", "bin",
            "bool", "breakpoint", "bytearray", "bytes", "callable", "chr", "classmethod", "compile", "complex",
            "delattr", "dict", "dir", "divmod", "enumerate", "eval", "exec", "exit", "filter", "float", "format",
            "frozenset", "getattr", "globals", "hasattr", "hash", "help", "hex", "id", "input", "int", "isinstance",
            "issubclass", "iter", "len", "list", "locals", "map", "max", "memoryview", "min", "next", "object", "oct",
            "open", "ord", "pow", "print", "property", "quit", "range", "repr", "reversed", "round", "set", "setattr",
            "slice", "sorted", "staticmethod", "str", "sum", "super", "tuple", "type", "vars", "zip",
            "NotImplemented", "__import__");

    private final Set<String> bound = new HashSet<>();
    private final Set<String> provided = Builtins.create(new PrintStream(OutputStream.nullOutputStream())).keySet();

    private BuiltinNamesCheck() {
    }

    static void check(Program program) {
        BuiltinNamesCheck check = new BuiltinNamesCheck();
        check.bindings(program.body());
        AstWalk.expressions(program.body(), check::name);
    }

    private void name(Expr e) {
        if (e instanceof Expr.Lambda l) {
            l.function().params().forEach(p -> bound.add(p.name()));
        } else if (e instanceof Expr.Comprehension c) {
            c.loops().forEach(loop -> targets(loop.target()));
        } else if (e instanceof Expr.Name n && PYTHON_BUILTINS.contains(n.id()) && !provided.contains(n.id())
                && !bound.contains(n.id()) && !n.id().equals("super")) {
            throw refuse(n);
        }
    }

    private static ScriptSyntaxError refuse(Expr.Name n) {
        return Subset.refuse("'" + n.id() + "'", n.line(), n.column());
    }

    /** Every name a statement binds, in nested blocks too. */
    private void bindings(List<Stmt> body) {
        for (Stmt s : body) {
            if (s instanceof Stmt.Assign a) {
                a.targets().forEach(this::targets);
            } else if (s instanceof Stmt.AugAssign a) {
                targets(a.target());
            } else if (s instanceof Stmt.For f) {
                targets(f.target());
                bindings(f.body());
                bindings(f.orElse());
            } else if (s instanceof Stmt.While w) {
                bindings(w.body());
                bindings(w.orElse());
            } else if (s instanceof Stmt.Del d) {
                d.targets().forEach(this::targets);
            } else if (s instanceof Stmt.If i) {
                bindings(i.body());
                bindings(i.orElse());
            } else if (s instanceof Stmt.With w) {
                w.alias().ifPresent(bound::add);
                bindings(w.body());
            } else if (s instanceof Stmt.FunctionDef d) {
                bound.add(d.name());
                d.params().forEach(p -> bound.add(p.name()));
                bindings(d.body());
            } else if (s instanceof Stmt.ClassDef c) {
                bound.add(c.name());
                bindings(c.body());
            } else if (s instanceof Stmt.Try t) {
                bindings(t.body());
                t.handlers().forEach(h -> {
                    h.name().ifPresent(bound::add);
                    bindings(h.body());
                });
                bindings(t.orElse());
                bindings(t.finalBody());
            } else if (s instanceof Stmt.Import imp) {
                imp.names().forEach(n -> bound.add(n.alias().orElse(n.name().split("\\.")[0])));
            } else if (s instanceof Stmt.ImportFrom imp) {
                for (ImportName n : imp.names()) {
                    bound.add(n.alias().orElse(n.name()));
                }
            } else if (s instanceof Stmt.Global g) {
                bound.addAll(g.names());
            }
        }
    }

    private void targets(Expr target) {
        if (target instanceof Expr.Name n) {
            bound.add(n.id());
        } else if (target instanceof Expr.TupleExpr t) {
            t.elements().forEach(this::targets);
        } else if (target instanceof Expr.ListExpr l) {
            l.elements().forEach(this::targets);
        }
    }
}
