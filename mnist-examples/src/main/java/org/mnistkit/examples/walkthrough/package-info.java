/**
 * The walkthrough end to end ({@link org.mnistkit.examples.walkthrough.Walkthrough#run}), one
 * class per step, and its HTML report.
 */
package org.mnistkit.examples.walkthrough;
