package org.gradviz.app.script.ast;

import java.util.List;
import java.util.Optional;

/** Statements of the gradviz Python subset. */
public sealed interface Stmt extends Node {

    /** An expression evaluated for its effect, e.g. {@code print(x)} or {@code loss.backward()}. */
    record ExprStmt(Expr expr, int line, int column) implements Stmt {
    }

    /**
     * {@code t1 = t2 = value}. Each target is a Name, Attribute, Subscript, or a Tuple/List of targets to unpack.
     */
    record Assign(List<Expr> targets, Expr value, int line, int column) implements Stmt {
        public Assign {
            targets = List.copyOf(targets);
        }
    }

    /** {@code target op= value}; the target is a Name, Attribute or Subscript. */
    record AugAssign(Expr target, BinaryOp op, Expr value, int line, int column) implements Stmt {
    }

    /** {@code import a.b as c, d}. */
    record Import(List<ImportName> names, int line, int column) implements Stmt {
        public Import {
            names = List.copyOf(names);
        }
    }

    /** {@code from module import a as b, c}. */
    record ImportFrom(String module, List<ImportName> names, int line, int column) implements Stmt {
        public ImportFrom {
            names = List.copyOf(names);
        }
    }

    /**
     * {@code for target in iterable: body else: orElse}; the target is a name or a tuple/list of targets to unpack.
     * orElse runs when the loop ends without {@code break}.
     */
    record For(Expr target, Expr iterable, List<Stmt> body, List<Stmt> orElse, int line, int column)
            implements Stmt {
        public For {
            body = List.copyOf(body);
            orElse = List.copyOf(orElse);
        }
    }

    /** {@code if test: body else: orElse}; an {@code elif} is an If alone in orElse. */
    record If(Expr test, List<Stmt> body, List<Stmt> orElse, int line, int column) implements Stmt {
        public If {
            body = List.copyOf(body);
            orElse = List.copyOf(orElse);
        }
    }

    /** {@code with context as alias: body}. */
    record With(Expr context, Optional<String> alias, List<Stmt> body, int line, int column) implements Stmt {
        public With {
            body = List.copyOf(body);
        }
    }

    /** {@code def name(params): body}. */
    record FunctionDef(String name, List<Param> params, List<Stmt> body, int line, int column) implements Stmt {
        public FunctionDef {
            params = List.copyOf(params);
            body = List.copyOf(body);
        }
    }

    /** {@code return} or {@code return value}; a bare tuple value returns a tuple. */
    record Return(Optional<Expr> value, int line, int column) implements Stmt {
    }

    /** {@code pass}. */
    record Pass(int line, int column) implements Stmt {
    }

    /** {@code break}. */
    record Break(int line, int column) implements Stmt {
    }

    /** {@code continue}. */
    record Continue(int line, int column) implements Stmt {
    }

    /** {@code while test: body else: orElse}; orElse runs when the test turns false (not after {@code break}). */
    record While(Expr test, List<Stmt> body, List<Stmt> orElse, int line, int column) implements Stmt {
        public While {
            body = List.copyOf(body);
            orElse = List.copyOf(orElse);
        }
    }

    /** {@code del a, b[i], c.d}: each target a name, subscript, attribute, or a tuple/list of targets. */
    record Del(List<Expr> targets, int line, int column) implements Stmt {
        public Del {
            targets = List.copyOf(targets);
        }
    }

    /** {@code global a, b}. */
    record Global(List<String> names, int line, int column) implements Stmt {
        public Global {
            names = List.copyOf(names);
        }
    }

    /** {@code nonlocal a, b}. */
    record Nonlocal(List<String> names, int line, int column) implements Stmt {
        public Nonlocal {
            names = List.copyOf(names);
        }
    }

    /** {@code raise} (re-raise the exception being handled) or {@code raise exception}. */
    record Raise(Optional<Expr> exception, int line, int column) implements Stmt {
    }

    /** {@code assert test} or {@code assert test, message}. */
    record Assert(Expr test, Optional<Expr> message, int line, int column) implements Stmt {
    }

    /** {@code try: body except ...: ... else: orElse finally: finalBody}. */
    record Try(List<Stmt> body, List<Handler> handlers, List<Stmt> orElse, List<Stmt> finalBody, int line,
               int column) implements Stmt {
        public Try {
            body = List.copyOf(body);
            handlers = List.copyOf(handlers);
            orElse = List.copyOf(orElse);
            finalBody = List.copyOf(finalBody);
        }
    }

    /** {@code except type as name: body}; a bare {@code except:} has no type. */
    record Handler(Optional<Expr> type, Optional<String> name, List<Stmt> body, int line, int column)
            implements Node {
        public Handler {
            body = List.copyOf(body);
        }
    }

    /** {@code class Name(Base): body}; at most one base. */
    record ClassDef(String name, List<Expr> bases, List<Stmt> body, int line, int column) implements Stmt {
        public ClassDef {
            bases = List.copyOf(bases);
            body = List.copyOf(body);
        }
    }
}
