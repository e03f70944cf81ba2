package org.gradviz.app.script.ast;

/** Every syntax tree node knows where it starts in the source: 1-based line and column. */
public interface Node {
    int line();

    int column();
}
