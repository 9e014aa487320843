/** JMH benchmarks of mnistkit. */
package org.mnistkit.benchmarks;
