/** JMH benchmarks of mnistkit; run with {@code java -jar benchmarks/target/benchmarks.jar}. */
package org.mnistkit.benchmarks;
