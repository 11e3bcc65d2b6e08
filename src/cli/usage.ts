export const USAGE = `usage: l1l2 <command> [<file>] [options]

commands
  fit <file> --lambda L         fit one model; --out model.json saves it
  path <file>                   the regularization path; --plot path.svg draws it
  cv <file>                     K-fold cross-validation: λ_min, λ_1se, their coefficients;
                                --plot cv.svg draws the CV curve, --out model.json saves a model
  predict <model.json> <file>   predictions, one per line (stdout, or --out file);
                                logistic: the probability of the positive class

data (<file>, or --dataset diabetes for the embedded diabetes data)
  --format csv|svmlight|mtx     default from the extension (.csv .tsv .txt / .svm .svmlight .libsvm / .mtx .mm)
  --target NAME                 csv: the target column (default the last); mtx: its 1-based number
  --features a,b,c              csv: the feature columns (default all others)
  --delimiter C                 csv: cell separator (default "," or tab for .tsv)
  --index-base 0|1|auto         svmlight: feature index base (default auto)
  --dataset diabetes            the embedded diabetes data (442 × 10) instead of a file

model
  --model lasso|elasticnet|ridge|logistic   default lasso (logistic: a binary target, CV by deviance)
  --lambda L                    penalty strength (fit)
  --l1-ratio A                  α in [0, 1] for elasticnet (default 0.5) and logistic (default 1)
  --standardize                 penalize standardized coefficients (glmnet's standardize = TRUE)
  --no-intercept                fit without an intercept
  --tol T, --max-iter N         solver tolerance and iteration cap (library defaults)

path and cv
  --n-lambda N                  λ grid length (default 100)
  --lambda-min-ratio R          smallest λ as a fraction of λ_max
  --folds K                     cv folds (default 10)
  --seed S                      fold assignment seed (default 0)
  --select min|1se              cv: the λ whose model --out saves (default min)
  --plot FILE.svg               write the plot

output
  --out FILE                    fit/cv: model JSON; predict: predictions
  --json                        machine-readable output on stdout
  --quiet                       no progress bar
  -h, --help                    this text
  --version                     the library version

exit codes: 0 success, 1 bad data (file, line, reason), 2 bad usage`;
