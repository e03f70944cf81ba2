package org.gradviz.app.script.ast;

import java.util.Optional;

/** One name of an import: {@code torch.nn.functional as F} has name {@code torch.nn.functional}, alias F. */
public record ImportName(String name, Optional<String> alias, int line, int column) implements Node {
}
