package org.gradviz.app.document;

/** An edge: the output of {@code from} (a tensor source or an op node) feeds input {@code port} of node {@code to}. */
public record Connection(String from, String to, String port) {
}
