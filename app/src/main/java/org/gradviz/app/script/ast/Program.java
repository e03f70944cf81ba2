package org.gradviz.app.script.ast;

import java.util.List;

/** A whole parsed file: its top-level statements in order. */
public record Program(List<Stmt> body) {
    public Program {
        body = List.copyOf(body);
    }
}
