package org.gradviz.app.document;

import java.util.List;

/**
 * One way a PyTorch cell writes an op, with the torch function name under which the runner reports it (every
 * spelling of one torch op, {@code x + y}, {@code x.add(y)} and {@code torch.add(x, y)}, is reported as
 * {@code add}; a module call {@code nn.ReLU()(x)} as its functional form {@code relu}). The code writer writes an
 * op's first spelling; the importer accepts all of them; the runner defines a Python name for each: an operator,
 * a method or a {@code torch.} function makes both {@code torch.X} and the method {@code t.X()} (as torch's tensor
 * ops are; a method torch has only as one, {@code t.view()}, makes only that), an {@code F.} function makes
 * {@code torch.nn.functional.X}, a module makes {@code torch.nn.C} and its functional form, an attribute makes
 * {@code t.A}.
 */
public sealed interface OpSpelling {

    /** The name the runner reports a call of this spelling under. */
    String torchName();

    /** The argument names of the ports, in port order, when they differ from the port names ({@code mat2}). */
    default List<String> argumentNames() {
        return List.of();
    }

    /** How a user reads it in a list of what is supported: {@code +}, {@code torch.sin}, {@code .sum()}. */
    String shown();

    /** {@code input op other}, a binary Python operator. */
    record Infix(String symbol, String torchName, OpSignature signature) implements OpSpelling {
        /** This spelling's {@code torch.X} and method with torch's parameters, {@code "input, other, *, alpha=1"}. */
        public Infix taking(String parameters) {
            return new Infix(symbol, torchName, OpSignature.parse(parameters));
        }

        @Override
        public String shown() {
            return symbol;
        }
    }

    /** {@code op input}, a unary Python operator. */
    record Prefix(String symbol, String torchName) implements OpSpelling {
        @Override
        public String shown() {
            return symbol + "x";
        }
    }

    /** The Python parameters the runner binds a call of it with, or null for those derived from its row. */
    default OpSignature signature() {
        return null;
    }

    /**
     * {@code torch.sin(input)} or {@code F.linear(input, weight, bias)}: a function of the ports in order, then the
     * keyword attributes.
     *
     * @param signature its parameters when they are not the row's ports and keyword attributes, else null
     * @param run how the runner runs it when not as its row does ({@code torch.mm} is matmul of matrices only)
     * @param readsFirst for an {@code F.} function written in Python, the attribute it reads first of its tensors
     *                   ({@code input.softmax}, {@code target.size()}), whose AttributeError a number there gives;
     *                   null for one of torch's C++ functions, whose TypeError it gives
     */
    record Function(String qualifiedName, List<String> argumentNames, OpSignature signature, OpRun run,
                    String readsFirst) implements OpSpelling {

        /** This spelling with torch's parameters, {@code "input, dim, dtype=None"}. */
        public Function taking(String parameters) {
            return new Function(qualifiedName, argumentNames, OpSignature.parse(parameters), run, readsFirst);
        }

        /** This spelling run by the runner as {@code how}, not as its row runs. */
        public Function running(OpRun how) {
            return new Function(qualifiedName, argumentNames, signature, how, readsFirst);
        }

        /** This Python function, which reads {@code attribute} of its tensors first. */
        public Function reading(String attribute) {
            return new Function(qualifiedName, argumentNames, signature, run, attribute);
        }

        @Override
        public String torchName() {
            return qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
        }

        /** Whether writing it needs {@code import torch.nn.functional as F}. */
        public boolean isFunctional() {
            return qualifiedName.startsWith("F.");
        }

        @Override
        public String shown() {
            return qualifiedName;
        }
    }

    /**
     * {@code input.sum(dim=1)}: a method of the first port, taking the other ports, then the keyword attributes.
     *
     * @param methodOnly whether torch has it only as a tensor method ({@code t.view()}: no {@code torch.view})
     */
    record Method(String torchName, OpSignature signature, boolean methodOnly) implements OpSpelling {

        /** This spelling with torch's parameters, {@code "input, dim=None, keepdim=False, *, dtype=None"}. */
        public Method taking(String parameters) {
            return new Method(torchName, OpSignature.parse(parameters), methodOnly);
        }

        /** This method, which torch has as a tensor method only, not as {@code torch.X}. */
        public Method only() {
            return new Method(torchName, signature, true);
        }

        @Override
        public String shown() {
            return "." + torchName + "()";
        }
    }

    /** {@code input.T}: a tensor attribute. */
    record Attribute(String torchName) implements OpSpelling {
        @Override
        public String shown() {
            return "." + torchName;
        }
    }

    /**
     * {@code nn.MSELoss()(input, target)}: a module, reported as its functional form.
     *
     * @param init the parameters of its {@code __init__} after {@code self}, as torch declares them: the row's
     *             keyword attributes, which it keeps and passes to its functional form, and torch's others, which
     *             gradviz accepts only at their defaults; a default may differ from the function's
     *             ({@code nn.Flatten}'s start_dim=1, {@code torch.flatten}'s 0)
     * @param inFunctional whether {@code torch.nn.functional} has its functional form ({@code F.relu} does,
     *                     {@code F.flatten} does not: nn.Flatten runs {@code torch.flatten})
     */
    record Module(String className, String torchName, OpSignature init, boolean inFunctional)
            implements OpSpelling {

        /** This module made with torch's {@code __init__} parameters, {@code "dim=None"}. */
        public Module taking(String parameters) {
            return new Module(className, torchName, OpSignature.parse(parameters), inFunctional);
        }

        /** This module, whose functional form is a {@code torch.} function only, not in {@code torch.nn.functional}. */
        public Module notInFunctional() {
            return new Module(className, torchName, init, false);
        }

        @Override
        public String shown() {
            return "nn." + className;
        }
    }

    static Infix infix(String symbol, String torchName) {
        return new Infix(symbol, torchName, null);
    }

    static OpSpelling prefix(String symbol, String torchName) {
        return new Prefix(symbol, torchName);
    }

    static Function function(String qualifiedName, String... argumentNames) {
        return new Function(qualifiedName, List.of(argumentNames), null, null, null);
    }

    static Method method(String name) {
        return new Method(name, null, false);
    }

    static OpSpelling attribute(String name) {
        return new Attribute(name);
    }

    static Module module(String className, String torchName) {
        return new Module(className, torchName, new OpSignature(List.of()), true);
    }
}
