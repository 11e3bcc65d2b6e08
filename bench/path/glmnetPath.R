# Template run by bench/path/glmnet.ts: `Rscript bench/path/glmnetPath.R <dir>`.
# <dir> holds the problem the TypeScript side generated (little-endian binaries):
#   problem.txt   lines "key value": kind (dense|csc), n, p, nnz
#   y.bin         f64[n]
#   x.bin         dense: f64[n*p], column-major
#   indptr.bin, indices.bin (i32, 0-based), data.bin (f64)   CSC
#   grid.bin      f64[K], the lambda grid both sides use
#   runs.txt      one run a line: name thresh grid(explicit|default) reps
# For each run it times glmnet(x, y, alpha = 1, standardize = FALSE, thresh = <thresh>,
# lambda = <grid> | nlambda = 100, lambda.min.ratio = 1e-3) `reps` times (system.time
# elapsed, seconds) and writes <name>.times.txt, <name>.info.txt and the last fit's
# lambdas, intercepts and sparse coefficients (<name>.lambda.bin, .a0.bin, .p.bin, .i.bin, .x.bin).
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
rd <- function(name, what, len, size) {
  con <- file(file.path(dir, name), "rb")
  on.exit(close(con))
  readBin(con, what, n = len, size = size, endian = "little")
}
y <- rd("y.bin", "double", n, 8)
if (meta[["kind"]] == "dense") {
  x <- matrix(rd("x.bin", "double", n * p, 8), nrow = n, ncol = p)
} else {
  nnz <- as.numeric(meta[["nnz"]])
  x <- sparseMatrix(
    i = rd("indices.bin", "integer", nnz, 4), p = rd("indptr.bin", "integer", p + 1, 4),
    x = rd("data.bin", "double", nnz, 8), dims = c(n, p), index1 = FALSE
  )
  stopifnot(is(x, "dgCMatrix"))
}
grid <- rd("grid.bin", "double", as.integer(meta[["K"]]), 8)
runs <- read.table(file.path(dir, "runs.txt"), stringsAsFactors = FALSE,
                   col.names = c("name", "thresh", "grid", "reps"))
wr <- function(name, values, size) {
  con <- file(file.path(dir, name), "wb")
  on.exit(close(con))
  writeBin(values, con, size = size, endian = "little")
}
for (k in seq_len(nrow(runs))) {
  run <- runs[k, ]
  fitOnce <- function() {
    if (run$grid == "explicit") {
      glmnet(x, y, family = "gaussian", alpha = 1, lambda = grid, standardize = FALSE, thresh = run$thresh)
    } else {
      glmnet(x, y, family = "gaussian", alpha = 1, nlambda = 100, lambda.min.ratio = 1e-3,
             standardize = FALSE, thresh = run$thresh)
    }
  }
  times <- numeric(run$reps)
  fit <- NULL
  for (r in seq_len(run$reps)) {
    gc(verbose = FALSE)
    times[r] <- system.time(fit <- fitOnce())[["elapsed"]]
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
