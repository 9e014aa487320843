/** File helpers shared by the modules: {@link org.mnistkit.core.io.AtomicFiles} for writes that never leave a partial file. */
package org.mnistkit.core.io;
