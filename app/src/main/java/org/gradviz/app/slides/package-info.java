/**
 * Slides of a backward pass: the autograd and network views as they are at one step of a {@code Recording}, as
 * DOT ({@link org.gradviz.app.slides.StepDot}), so the command line and the window draw the same step the same way.
 * Everything shown comes from the recording's events; nothing here computes a gradient.
 */
package org.gradviz.app.slides;
