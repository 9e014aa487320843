# uwot::umap(train / 255, n_neighbors = 15, min_dist = 0.001, pca = 50) on the first N_TRAIN (60000)
# training images, 2 threads for the neighbour search and SGD_THREADS (1: reproducible, the default;
# 2: faster) threads for the optimisation. Purity: share of points whose 15 nearest neighbours in the
# embedding have the point's own label as their majority label. VERBOSE=1 prints uwot's timed phase
# log on stderr (compare with `mnistkit umap` without --json, which prints ours).
source(file.path(dirname(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE))), "idx.R"))
suppressMessages(library(uwot))
m <- mnist(); set.seed(123)
n <- as.integer(Sys.getenv("N_TRAIN", "60000")); sgd <- as.integer(Sys.getenv("SGD_THREADS", "1"))
x <- m$train_x[seq_len(n), ]; y <- m$train_y[seq_len(n)]
t0 <- elapsed()
e <- umap(x, n_neighbors = 15, min_dist = 0.001, pca = 50, n_threads = 2, n_sgd_threads = sgd,
          verbose = nzchar(Sys.getenv("VERBOSE")))
t1 <- elapsed()
nn <- uwot:::find_nn(e, k = 16, method = "fnn")$idx[, -1]
majority <- apply(matrix(y[nn], nrow = nrow(nn)), 1, function(r) as.integer(names(which.max(table(r)))))
emit(tool = "uwot", n = n, sgd_threads = sgd, seconds = t1 - t0, knn15_purity = mean(majority == y))
