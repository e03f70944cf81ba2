/**
 * The chain-rule lens: for one backward node as it really ran (its {@code NodeStarted} event, the gradients
 * it sent, and for {@code AccumulateGrad} the {@code .grad} it wrote), the rule in symbols with the real
 * numbers: the upstream gradient, the local derivative's values and the product sent along each edge.
 * A view-model only, with no JavaFX: a panel displays {@link org.gradviz.app.animation.lens.ChainRuleView}.
 *
 * <p>Each lens recomputes its product from the recorded saved values, only to show the rule's arithmetic;
 * the tests hold every product to the gradient the engine actually sent, so the text cannot drift from the
 * engine. The numbers the animation moves are always the engine's ({@link
 * org.gradviz.app.animation.lens.InputTerm#sent()}).
 */
package org.gradviz.app.animation.lens;
