# Reads the four MNIST IDX files (plain or .gz) from $MNIST_DIR (default: mnistkit's cache,
# ~/.mnistkit/datasets/mnist) for the reference scripts in this folder.
mnist_dir <- Sys.getenv("MNIST_DIR", file.path(Sys.getenv("MNISTKIT_HOME", file.path(Sys.getenv("HOME"), ".mnistkit")),
                                                "datasets", "mnist"))
read_idx <- function(name) {
  path <- file.path(mnist_dir, name)
  if (!file.exists(path)) path <- paste0(path, ".gz")
  if (!file.exists(path)) stop("no ", name, " in ", mnist_dir, " (run `mnistkit data` or set MNIST_DIR)")
  con <- gzfile(path, "rb")
  on.exit(close(con))
  magic <- readBin(con, "integer", 1, size = 4, endian = "big")
  dims <- readBin(con, "integer", magic %% 256, size = 4, endian = "big")
  values <- readBin(con, "integer", prod(dims), size = 1, signed = FALSE)
  if (length(dims) == 1) values else matrix(values, nrow = dims[1], ncol = prod(dims[-1]), byrow = TRUE)
}
mnist <- function() list(
  train_x = read_idx("train-images-idx3-ubyte") / 255, train_y = read_idx("train-labels-idx1-ubyte"),
  test_x = read_idx("t10k-images-idx3-ubyte") / 255, test_y = read_idx("t10k-labels-idx1-ubyte"))
elapsed <- function() proc.time()[["elapsed"]]
emit <- function(...) {
  v <- list(...)
  fmt <- vapply(v, function(x) if (is.character(x)) sprintf("\"%s\"", x) else sprintf("%.6g", x), "")
  cat(sprintf("{%s}\n", paste(sprintf("\"%s\":%s", names(v), fmt), collapse = ",")))
}
