/**
 * File helpers shared by the modules: {@link org.mnistkit.core.io.AtomicFiles} for writes that
 * never leave a partial file; the one model file framing, {@link
 * org.mnistkit.core.io.ModelWriter} and {@link org.mnistkit.core.io.ModelReader}, with a {@link
 * org.mnistkit.core.io.ModelFormat} per model kind; and {@link
 * org.mnistkit.core.io.FileFormatException}, the error of every invalid model file.
 */
package org.mnistkit.core.io;
