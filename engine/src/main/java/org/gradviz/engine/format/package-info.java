/**
 * Text forms of numbers and tensors exactly as PyTorch 1.13 and Python print them:
 * {@link org.gradviz.engine.format.TensorFormatter} is {@code repr(tensor)} ({@code torch/_tensor_str.py}),
 * {@link org.gradviz.engine.format.PythonFloat} is {@code repr(float)}.
 */
package org.gradviz.engine.format;
