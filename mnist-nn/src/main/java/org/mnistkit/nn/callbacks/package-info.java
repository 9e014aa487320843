/**
 * Hooks into {@link org.mnistkit.nn.Sequential#fit}, as Keras's callbacks and Deeplearning4j's
 * training listeners: the {@link org.mnistkit.nn.callbacks.Callback} interface and the built-in
 * {@link org.mnistkit.nn.callbacks.EarlyStopping} and {@link
 * org.mnistkit.nn.callbacks.ModelCheckpoint}, made by the factories of {@link
 * org.mnistkit.nn.callbacks.Callbacks}.
 */
package org.mnistkit.nn.callbacks;
