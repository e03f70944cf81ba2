package org.gradviz.app.document;

/** Graphviz's rankdir: top to bottom or left to right. */
public enum LayoutDirection {
    TB,
    LR
}
