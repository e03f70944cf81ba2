/**
 * Tensors as PyTorch 1.13 prints them: {@link org.gradviz.engine.format.TensorFormatter} is
 * {@code repr(tensor)} ({@code torch/_tensor_str.py}). Python's {@code repr(float)} lives with the code
 * runner (org.gradviz.app.script.format.PythonFormat).
 */
package org.gradviz.engine.format;
