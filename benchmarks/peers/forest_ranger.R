# ranger on THREADS (2) threads: N_TRAIN (3000) training images sampled with seed 123, NTREE (500)
# trees, predicting all 10000 test images. Prints one JSON object.
source(file.path(dirname(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE))), "idx.R"))
suppressMessages(library(ranger))
m <- mnist(); set.seed(123)
n <- as.integer(Sys.getenv("N_TRAIN", "3000")); ntree <- as.integer(Sys.getenv("NTREE", "500"))
threads <- as.integer(Sys.getenv("THREADS", "2"))
idx <- sample(nrow(m$train_x), n)
x <- m$train_x[idx, ]; colnames(x) <- paste0("f", 1:784)
xt <- m$test_x; colnames(xt) <- paste0("f", 1:784)
t0 <- elapsed()
fit <- ranger(x = x, y = factor(m$train_y[idx]), num.trees = ntree, num.threads = threads, seed = 123)
t1 <- elapsed()
pred <- predict(fit, xt, num.threads = threads)$predictions
t2 <- elapsed()
emit(tool = "ranger", train_size = n, trees = ntree, fit_seconds = t1 - t0, predict_seconds = t2 - t1,
     accuracy = mean(as.character(pred) == as.character(m$test_y)), oob_error = fit$prediction.error)
