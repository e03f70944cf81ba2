/**
 * The bridge between PyTorch cells and graph documents: {@link org.gradviz.app.bridge.ScriptImporter} runs a cell
 * and turns the graph it built into a {@link org.gradviz.app.document.GraphDocument};
 * {@link org.gradviz.app.bridge.PyTorchCodeWriter} writes the cell that builds a document's graph.
 */
package org.gradviz.app.bridge;
