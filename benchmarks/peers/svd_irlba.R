# irlba(train / 255, nv = COMPONENTS (30)) on the first N_TRAIN (60000) training images, uncentred
# as the walkthrough calls it. SPARSE=1 passes the matrix as a sparse dgCMatrix instead (converted
# before the clock starts), which irlba multiplies through the Matrix package. Prints one JSON object.
source(file.path(dirname(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE))), "idx.R"))
suppressMessages(library(irlba))
m <- mnist(); set.seed(123)
n <- as.integer(Sys.getenv("N_TRAIN", "60000")); nv <- as.integer(Sys.getenv("COMPONENTS", "30"))
x <- m$train_x[seq_len(n), ]
sparse <- Sys.getenv("SPARSE", "0") == "1"
if (sparse) x <- as(x, "CsparseMatrix")
t0 <- elapsed()
s <- irlba(A = x, nv = nv)
t1 <- elapsed()
emit(tool = "irlba", input = if (sparse) "dgCMatrix" else "matrix", n = n, components = nv, seconds = t1 - t0, d1 = s$d[1], d30 = s$d[nv],
     iterations = s$iter, matvecs = s$mprod)
