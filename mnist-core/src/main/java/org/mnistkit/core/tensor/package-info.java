/**
 * Dense float matrices and the walkthrough's preprocessing steps: {@link
 * org.mnistkit.core.tensor.FloatMatrix} (row-major, row views), one-hot encoding ({@link
 * org.mnistkit.core.tensor.Categorical#toCategorical}) and seeded sampling ({@link
 * org.mnistkit.core.tensor.Sampling}).
 */
package org.mnistkit.core.tensor;
