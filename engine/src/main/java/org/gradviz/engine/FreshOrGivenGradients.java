package org.gradviz.engine;

/**
 * A promise of a node's chain rule ({@link Node#apply}): it keeps none of the gradients it is given, and returns each
 * gradient either in an array it made or as (a view of) a gradient it was given, never anything saved or shared. The
 * engine then knows when the arrays the pass made are read no more ({@link FinishedGradients}). Only built-in nodes
 * whose chain rule was checked for it make the promise.
 */
public interface FreshOrGivenGradients {
}
