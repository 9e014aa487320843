/**
 * PNG plots: {@link org.mnistkit.eda.plot.ScatterPlot} (two columns coloured by label, in a seeded
 * random draw order, transparent when large, with a legend of readable keys), built on XChart;
 * {@link org.mnistkit.eda.plot.DigitImages} (digits and grids of digits, as R's
 * {@code as.raster}); {@link org.mnistkit.eda.plot.Heatmap} (a 784-vector as 28 x 28 square cells,
 * zero at white on a diverging scale, with pixel ticks and a rounded colour bar); and
 * {@link org.mnistkit.eda.plot.HistoryPlot} (training curves, built on XChart). Class colours come
 * from {@link org.mnistkit.eda.plot.Palette}, a colour-blind-safe 10-colour sequence. Every writer
 * sets {@code java.awt.headless=true} when unset and writes through a temporary file.
 */
package org.mnistkit.eda.plot;
