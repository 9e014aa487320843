# Draws benchmarks/scaling.py's log-log plot with base graphics: one panel per step, seconds against
# training rows, mnistkit solid and the peer dashed; the legend names each tool with the exponent b that
# scaling.py fitted. Usage: Rscript scaling_plot.R scaling.csv scaling.png
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1], stringsAsFactors = FALSE)
steps <- unique(d$step)
png(args[2], width = 400 * length(steps), height = 420, res = 96)
par(mfrow = c(1, length(steps)), mar = c(4.5, 4.5, 3, 1))
for (s in steps) {
  ds <- d[d$step == s, ]
  tools <- unique(ds$tool)
  plot(range(ds$rows), range(ds$seconds) * c(0.8, 3), type = "n", log = "xy", xlab = "training rows",
       ylab = "seconds (log scale)", main = s)
  for (i in seq_along(tools)) {
    dt <- ds[ds$tool == tools[i], ]
    dt <- dt[order(dt$rows), ]
    lines(dt$rows, dt$seconds, type = "b", pch = 19 - i, lty = i, col = c("#1f77b4", "#d62728")[i], lwd = 2)
  }
  legend("topleft", legend = tools, lty = seq_along(tools), pch = 19 - seq_along(tools),
         col = c("#1f77b4", "#d62728"), bty = "n", cex = 0.9)
}
invisible(dev.off())
