/**
 * The IDX file format of the MNIST distribution: {@link org.mnistkit.core.idx.IdxReader} and
 * {@link org.mnistkit.core.idx.IdxWriter} for all six element types, plain or gzip, and
 * {@link org.mnistkit.core.idx.IdxArray} for what a file holds.
 */
package org.mnistkit.core.idx;
