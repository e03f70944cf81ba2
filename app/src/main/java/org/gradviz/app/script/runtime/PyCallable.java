package org.gradviz.app.script.runtime;

/** Anything a program can call that is not a {@code def} of its own: builtins, torch functions, bound methods. */
public interface PyCallable {
    Object call(Args args);
}
