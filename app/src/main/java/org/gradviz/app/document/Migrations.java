package org.gradviz.app.document;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The chain of {@link Migration}s that brings an older document up to {@link GraphDocument#CURRENT_VERSION}.
 * Version 1 is the first format, so the standard chain is empty; the next format change adds its step here.
 */
public final class Migrations {
    private final List<Migration> steps;

    public Migrations(List<Migration> steps) {
        this.steps = List.copyOf(steps);
    }

    public static Migrations standard() {
        return new Migrations(List.of());
    }

    /** Applies the steps from {@code version} on, one version at a time, and returns the rewritten tree. */
    ObjectNode upgrade(ObjectNode tree, int version, int current) {
        ObjectNode node = tree;
        for (int v = version; v < current; v++) {
            Migration step = stepFrom(v);
            node = step.rewrite().apply(node);
            node.put("formatVersion", v + 1);
        }
        return node;
    }

    private Migration stepFrom(int version) {
        return steps.stream()
                .filter(s -> s.fromVersion() == version)
                .findFirst()
                .orElseThrow(() -> new DocumentException("formatVersion " + version
                        + " is too old for this gradviz: no migration from it is known"));
    }
}
