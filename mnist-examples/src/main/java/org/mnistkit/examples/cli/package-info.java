/** The {@code mnistkit} command line, built with picocli. */
package org.mnistkit.examples.cli;
