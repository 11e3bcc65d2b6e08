# Template run by bench/logistic/glmnet.ts: `Rscript bench/logistic/glmnetLogistic.R <dir>`.
# <dir> holds the problem the TypeScript side generated (little-endian binaries):
#   problem.txt   lines "key value": n, p, nnz, K
#   y.bin         f64[n], labels in {0, 1}
#   indptr.bin, indices.bin (i32, 0-based), data.bin (f64): X in CSC form
#   grid.bin      f64[K], the lambda grid both sides use
#   runs.txt      one run a line: name thresh reps
# For each run it times glmnet(x, y, family = "binomial", alpha = 1, lambda = <grid>,
# standardize = FALSE, thresh = <thresh>) `reps` times (system.time elapsed, seconds; the data
# are read and the dgCMatrix built before, untimed) and writes <name>.times.txt, <name>.info.txt
# and the last fit's lambdas, intercepts and sparse coefficients
# (<name>.lambda.bin, .a0.bin, .p.bin, .i.bin, .x.bin).
args <- commandArgs(trailingOnly = TRUE)
dir <- args[1]
suppressPackageStartupMessages({
  library(Matrix)
  library(glmnet)
})
kv <- read.table(file.path(dir, "problem.txt"), stringsAsFactors = FALSE)
meta <- setNames(kv[[2]], kv[[1]])
n <- as.integer(meta[["n"]])
p <- as.integer(meta[["p"]])
nnz <- as.numeric(meta[["nnz"]])
rd <- function(name, what, len, size) {
  con <- file(file.path(dir, name), "rb")
  on.exit(close(con))
  readBin(con, what, n = len, size = size, endian = "little")
}
y <- rd("y.bin", "double", n, 8)
x <- sparseMatrix(
  i = rd("indices.bin", "integer", nnz, 4), p = rd("indptr.bin", "integer", p + 1, 4),
  x = rd("data.bin", "double", nnz, 8), dims = c(n, p), index1 = FALSE
)
stopifnot(is(x, "dgCMatrix"))
grid <- rd("grid.bin", "double", as.integer(meta[["K"]]), 8)
runs <- read.table(file.path(dir, "runs.txt"), stringsAsFactors = FALSE, col.names = c("name", "thresh", "reps"))
wr <- function(name, values, size) {
  con <- file(file.path(dir, name), "wb")
  on.exit(close(con))
  writeBin(values, con, size = size, endian = "little")
}
for (k in seq_len(nrow(runs))) {
  run <- runs[k, ]
  times <- numeric(run$reps)
  fit <- NULL
  for (r in seq_len(run$reps)) {
    gc(verbose = FALSE)
    times[r] <- system.time(
      fit <- glmnet(x, y, family = "binomial", alpha = 1, lambda = grid, standardize = FALSE, thresh = run$thresh)
    )[["elapsed"]]
    message(sprintf("[glmnet] %s run %d/%d: %.3f s", run$name, r, run$reps, times[r]))
  }
  writeLines(format(times, digits = 15), file.path(dir, paste0(run$name, ".times.txt")))
  beta <- as(fit$beta, "CsparseMatrix")
  writeLines(c(paste("K", length(fit$lambda)), paste("npasses", fit$npasses), paste("jerr", fit$jerr)),
             file.path(dir, paste0(run$name, ".info.txt")))
  wr(paste0(run$name, ".lambda.bin"), as.double(fit$lambda), 8)
  wr(paste0(run$name, ".a0.bin"), as.double(fit$a0), 8)
  wr(paste0(run$name, ".p.bin"), as.integer(beta@p), 4)
  wr(paste0(run$name, ".i.bin"), as.integer(beta@i), 4)
  wr(paste0(run$name, ".x.bin"), as.double(beta@x), 8)
}
