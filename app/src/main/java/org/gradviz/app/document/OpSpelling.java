package org.gradviz.app.document;

import java.util.List;

/**
 * One way a PyTorch cell writes an op, with the torch function name under which the runner reports it (every
 * spelling of one torch op, {@code x + y}, {@code x.add(y)} and {@code torch.add(x, y)}, is reported as
 * {@code add}; a module call {@code nn.ReLU()(x)} as its functional form {@code relu}). The code writer writes an
 * op's first spelling; the importer accepts all of them.
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
    record Infix(String symbol, String torchName) implements OpSpelling {
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

    /**
     * {@code torch.sin(input)} or {@code F.linear(input, weight, bias)}: a function of the ports in order, then the
     * keyword attributes.
     */
    record Function(String qualifiedName, List<String> argumentNames) implements OpSpelling {
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

    /** {@code input.sum(dim=1)}: a method of the first port, taking the other ports, then the keyword attributes. */
    record Method(String torchName) implements OpSpelling {
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

    /** {@code nn.MSELoss()(input, target)}: a module, reported as its functional form. */
    record Module(String className, String torchName) implements OpSpelling {
        @Override
        public String shown() {
            return "nn." + className;
        }
    }

    static OpSpelling infix(String symbol, String torchName) {
        return new Infix(symbol, torchName);
    }

    static OpSpelling prefix(String symbol, String torchName) {
        return new Prefix(symbol, torchName);
    }

    static OpSpelling function(String qualifiedName, String... argumentNames) {
        return new Function(qualifiedName, List.of(argumentNames));
    }

    static OpSpelling method(String name) {
        return new Method(name);
    }

    static OpSpelling attribute(String name) {
        return new Attribute(name);
    }

    static OpSpelling module(String className, String torchName) {
        return new Module(className, torchName);
    }
}
