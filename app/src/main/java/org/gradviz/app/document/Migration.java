package org.gradviz.app.document;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.UnaryOperator;

/**
 * Rewrites the JSON tree of a version {@code fromVersion} document into version {@code fromVersion + 1},
 * before binding (the tree's {@code formatVersion} is updated by {@link Migrations}).
 */
public record Migration(int fromVersion, UnaryOperator<ObjectNode> rewrite) {
}
