package org.gradviz.app.script.ast;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/** Expressions of the gradviz Python subset. */
public sealed interface Expr extends Node {

    /** A variable reference such as {@code x} or {@code torch}. */
    record Name(String id, int line, int column) implements Expr {
    }

    /** An integer literal (decimal, hex, octal or binary in the source). */
    record IntLiteral(BigInteger value, int line, int column) implements Expr {
    }

    /** A float literal such as {@code 1e-8}, {@code 1.} or {@code .5}. */
    record FloatLiteral(double value, int line, int column) implements Expr {
    }

    /** A string literal after escapes and implicit concatenation. */
    record StringLiteral(String value, int line, int column) implements Expr {
    }

    /** An f-string: literal text and replacement fields in source order. */
    record FString(List<FStringPart> parts, int line, int column) implements Expr {
        public FString {
            parts = List.copyOf(parts);
        }
    }

    /** {@code True} or {@code False}. */
    record BoolLiteral(boolean value, int line, int column) implements Expr {
    }

    /** {@code None}. */
    record NoneLiteral(int line, int column) implements Expr {
    }

    /** {@code [a, b]}. */
    record ListExpr(List<Expr> elements, int line, int column) implements Expr {
        public ListExpr {
            elements = List.copyOf(elements);
        }
    }

    /** {@code (a, b)}, {@code a, b} or {@code ()}. */
    record TupleExpr(List<Expr> elements, int line, int column) implements Expr {
        public TupleExpr {
            elements = List.copyOf(elements);
        }
    }

    /** {@code -x}, {@code +x}, {@code not x}. */
    record Unary(UnaryOp op, Expr operand, int line, int column) implements Expr {
    }

    /** {@code left op right} for arithmetic and {@code @}. */
    record Binary(Expr left, BinaryOp op, Expr right, int line, int column) implements Expr {
    }

    /** {@code left and right}, {@code left or right}; evaluation short-circuits. */
    record Logical(Expr left, LogicalOp op, Expr right, int line, int column) implements Expr {
    }

    /** A comparison chain: {@code left ops[0] comparators[0] ops[1] comparators[1] ...}. */
    record Compare(Expr left, List<CompareOp> ops, List<Expr> comparators, int line, int column) implements Expr {
        public Compare {
            ops = List.copyOf(ops);
            comparators = List.copyOf(comparators);
        }
    }

    /** {@code body if test else orElse}. */
    record IfExpr(Expr test, Expr body, Expr orElse, int line, int column) implements Expr {
    }

    /**
     * {@code *value}: among a call's arguments or a list, tuple or set display, the items of an iterable; as an
     * assignment or loop target, the list of the items the other targets leave.
     */
    record Starred(Expr value, int line, int column) implements Expr {
    }

    /** {@code function(args..., name=value...)}. */
    record Call(Expr function, List<Expr> args, List<Keyword> keywords, int line, int column) implements Expr {
        public Call {
            args = List.copyOf(args);
            keywords = List.copyOf(keywords);
        }
    }

    /** {@code object.name}. */
    record Attribute(Expr object, String name, int line, int column) implements Expr {
    }

    /** {@code object[index]}; a multi-dimensional index is a {@link TupleExpr}. */
    record Subscript(Expr object, Expr index, int line, int column) implements Expr {
    }

    /** {@code lower:upper:step} inside a subscript; each bound may be absent. */
    record Slice(Optional<Expr> lower, Optional<Expr> upper, Optional<Expr> step, int line, int column)
            implements Expr {
    }

    /** {@code {a, *b, ...}}: a set display (never empty: {@code {}} is a dict). */
    record SetExpr(List<Expr> elements, int line, int column) implements Expr {
        public SetExpr {
            elements = List.copyOf(elements);
        }
    }

    /**
     * {@code {k: v, **m, ...}}; an entry {@code **m} has an empty key and {@code m} as its value, as in Python's
     * own syntax tree.
     */
    record DictExpr(List<Optional<Expr>> keys, List<Expr> values, int line, int column) implements Expr {
        public DictExpr {
            keys = List.copyOf(keys);
            values = List.copyOf(values);
        }
    }

    /** {@code lambda params: body}, held as the function it defines: one {@code return body} statement. */
    record Lambda(Stmt.FunctionDef function, int line, int column) implements Expr {
    }

    /** The kinds of comprehension: {@code [..]}, {@code {..}}, {@code {k: v ..}}, and a generator {@code (..)}. */
    enum ComprehensionKind { LIST, SET, DICT, GENERATOR }

    /**
     * {@code [element for target in iterable if condition ...]}; {@code value} is present for a dict
     * comprehension, whose {@code element} is then the key. It has a scope of its own, as in Python 3.
     */
    record Comprehension(ComprehensionKind kind, Expr element, Optional<Expr> value, List<ComprehensionFor> loops,
                         int line, int column) implements Expr {
        public Comprehension {
            loops = List.copyOf(loops);
        }
    }

    /** One {@code for target in iterable if condition...} of a comprehension. */
    record ComprehensionFor(Expr target, Expr iterable, List<Expr> conditions) {
        public ComprehensionFor {
            conditions = List.copyOf(conditions);
        }
    }
}
