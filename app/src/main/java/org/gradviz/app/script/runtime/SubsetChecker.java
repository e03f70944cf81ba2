package org.gradviz.app.script.runtime;

import java.util.HashMap;
import java.util.Map;
import org.gradviz.app.script.ScriptSyntaxError;
import org.gradviz.app.script.ast.AstWalk;
import org.gradviz.app.script.ast.Expr;
import org.gradviz.app.script.ast.ImportName;
import org.gradviz.app.script.ast.Program;
import org.gradviz.app.script.ast.Stmt;
import org.gradviz.app.script.syntax.Subset;

/**
 * The check before running that every module member a program names ({@code torch.linspace}, {@code nn.Linear},
 * {@code from torch import arange}) is one gradviz has. A member real PyTorch has and gradviz lacks is refused,
 * {@code 'torch.linspace' is not supported by gradviz}, at its place; one PyTorch lacks too is left to fail as in
 * Python, with AttributeError when it runs.
 */
public final class SubsetChecker {

    private final Map<String, PyModule> modules = TorchModules.create(() -> { });
    /** Names the program binds to a module by importing it: {@code nn} to {@code torch.nn}. */
    private final Map<String, String> aliases = new HashMap<>();

    private SubsetChecker() {
    }

    public static void check(Program program) {
        SubsetChecker checker = new SubsetChecker();
        checker.imports(program);
        AstWalk.expressions(program.body(), checker::attribute);
        BuiltinNamesCheck.check(program);
    }

    private void imports(Program program) {
        new Object() {
            void walk(java.util.List<Stmt> body) {
                for (Stmt s : body) {
                    if (s instanceof Stmt.Import imp) {
                        for (ImportName name : imp.names()) {
                            String bound = name.alias().orElse(name.name().split("\\.")[0]);
                            aliases.put(bound, name.alias().isPresent() ? name.name() : bound);
                        }
                    } else if (s instanceof Stmt.ImportFrom imp) {
                        fromImport(imp);
                    } else if (s instanceof Stmt.FunctionDef d) {
                        walk(d.body());
                    } else if (s instanceof Stmt.If i) {
                        walk(i.body());
                        walk(i.orElse());
                    } else if (s instanceof Stmt.Try t) {
                        walk(t.body());
                    }
                }
            }
        }.walk(program.body());
    }

    private void fromImport(Stmt.ImportFrom imp) {
        PyModule module = modules.get(imp.module());
        for (ImportName name : imp.names()) {
            String dotted = imp.module() + "." + name.name();
            if (modules.containsKey(dotted)) {
                aliases.put(name.alias().orElse(name.name()), dotted);
            } else if (module != null && module.attribute(name.name()) == null
                    && PyTorchNames.has(imp.module(), name.name())) {
                throw refuse(dotted, name.line(), name.column());
            }
        }
    }

    /**
     * Checks {@code module.member} where {@code module} is a name bound by an import, and refuses {@code out=} in a
     * call of one ({@code torch.matmul(a, b, out=c)}).
     */
    private void attribute(Expr e) {
        if (e instanceof Expr.Call call && call.function() instanceof Expr.Attribute f
                && modulePath(f.object()) != null) {
            for (org.gradviz.app.script.ast.Keyword k : call.keywords()) {
                if ("out".equals(k.name())) {
                    throw Subset.refuse("'" + modulePath(f.object()) + "." + f.name() + "(out=...)'", k.line(),
                            k.column());
                }
            }
        }
        if (!(e instanceof Expr.Attribute a)) {
            return;
        }
        String owner = modulePath(a.object());
        if (owner == null) {
            return;
        }
        PyModule module = modules.get(owner);
        if (module != null && module.attribute(a.name()) == null && PyTorchNames.has(owner, a.name())) {
            throw refuse(owner + "." + a.name(), a.line(), a.column());
        }
    }

    /** The dotted module an expression names ({@code nn.functional} is {@code torch.nn.functional}), or null. */
    private String modulePath(Expr e) {
        if (e instanceof Expr.Name n) {
            return aliases.get(n.id());
        }
        if (e instanceof Expr.Attribute a) {
            String outer = modulePath(a.object());
            String dotted = outer == null ? null : outer + "." + a.name();
            return dotted != null && modules.containsKey(dotted) ? dotted : null;
        }
        return null;
    }

    private static ScriptSyntaxError refuse(String dotted, int line, int column) {
        return Subset.refuse("'" + dotted + "'", line, column);
    }
}
