/**
 * PNG plots built on XChart: {@link org.mnistkit.eda.plot.ScatterPlot} (two columns coloured by
 * label), {@link org.mnistkit.eda.plot.DigitImages} (digits and grids of digits, as R's
 * {@code as.raster}), {@link org.mnistkit.eda.plot.Heatmap} (a 784-vector as 28 x 28) and
 * {@link org.mnistkit.eda.plot.HistoryPlot} (training curves). Every writer sets
 * {@code java.awt.headless=true} when unset and writes through a temporary file.
 */
package org.mnistkit.eda.plot;
