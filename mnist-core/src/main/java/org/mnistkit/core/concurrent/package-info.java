/**
 * The parallel loop the modules share: {@link org.mnistkit.core.concurrent.Workers}, a fixed set
 * of threads that runs numbered tasks or chunks of an index range.
 */
package org.mnistkit.core.concurrent;
