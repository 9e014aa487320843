/** A Keras-like Sequential API over Deeplearning4j (to come). */
package org.mnistkit.nn;
