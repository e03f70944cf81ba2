package org.gradviz.app.document;

/** The palette's headings, in the order the palette shows them. */
public enum OpGroup {
    ARITHMETIC("Arithmetic"),
    ACTIVATIONS("Activations"),
    REDUCTIONS("Reductions"),
    MATMUL("Matmul"),
    SHAPE("Shape"),
    LOSSES("Losses"),
    GRAPH("Graph");

    private final String label;

    OpGroup(String label) {
        this.label = label;
    }

    /** The heading the palette shows. */
    public String label() {
        return label;
    }
}
