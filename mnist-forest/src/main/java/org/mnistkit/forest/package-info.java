/** A CART random forest with R randomForest's defaults (to come). */
package org.mnistkit.forest;
