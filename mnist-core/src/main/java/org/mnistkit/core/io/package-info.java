/**
 * File helpers shared by the modules: {@link org.mnistkit.core.io.AtomicFiles} for writes that
 * never leave a partial file, and {@link org.mnistkit.core.io.FileFormatException}, the base of the
 * model files' format errors.
 */
package org.mnistkit.core.io;
