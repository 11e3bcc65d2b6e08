/**
 * l1l2: L1/L2-regularized linear models with WebAssembly kernels.
 *
 * Gaussian objective (one definition everywhere):
 *   F(w, b) = (1/(2n))·‖y − b − Xw‖² + λ·( α‖w‖₁ + (1−α)/2·‖w‖₂² )
 *
 * @packageDocumentation
 */
export { init, initSync, type InitOptions, type InitResult, type WasmBuild } from './wasm/runtime.js';
export { DenseMatrix } from './matrix/DenseMatrix.js';
export { CscMatrix, type CscArrays, type CooArrays } from './matrix/CscMatrix.js';
export type { MatrixInput, DesignMatrix } from './matrix/DesignMatrix.js';
export { ElasticNet, type ElasticNetOptions, type FitOptions, type ElasticNetSolver } from './estimators/ElasticNet.js';
export { Lasso, type LassoOptions } from './estimators/Lasso.js';
export type { EngineName } from './engine/selectEngine.js';
export { softThreshold } from './reference/softThreshold.js';
export { r2Score } from './model/r2Score.js';
export { lambdaMax, type LambdaMaxOptions } from './model/lambdaMax.js';
export { enetPath, lassoPath, type PathOptions } from './path/elasticNetPath.js';
export { RegularizationPath } from './path/RegularizationPath.js';
export { lambdaGrid } from './path/lambdaGrid.js';
export { cvPath, type CvOptions } from './cv/crossValidatePath.js';
export type { CrossValidation, CvProgress } from './cv/CrossValidation.js';
export { ElasticNetCV, LassoCV, type ElasticNetCVOptions } from './estimators/ElasticNetCV.js';
export { parseNumericCsv, type NumericTable } from './io/parseNumericCsv.js';
export { loadDiabetes, type Dataset } from './datasets/diabetes.js';
export {
  L1L2Error, ShapeMismatchError, EmptyDataError, NonFiniteValueError, InvalidParameterError,
  MalformedCscError, NotFittedError, WasmMemoryLimitError, DataFormatError, DataTooLargeError,
} from './errors.js';
export { L1L2Warning, ConvergenceWarning, EngineFallbackWarning, setWarningHandler, type WarningHandler } from './warnings.js';
export { Ridge, type RidgeOptions, type RidgeFitOptions } from './ridge/Ridge.js';
export { RidgeCV, type RidgeCVOptions, type RidgeCVMode } from './ridge/RidgeCV.js';
export { ridgePath, type RidgePathOptions, type RidgePathResult } from './ridge/ridgePath.js';
export type { RidgeSolverOption } from './ridge/chooseRidgeSolver.js';
export type { RidgeSolverName, RidgeForm } from './ridge/RidgeSolution.js';
export type { RidgeTargetInput } from './ridge/ridgeInputs.js';
export { RidgeConvergenceWarning } from './ridge/RidgeConvergenceWarning.js';
export { assignFolds } from './cv/foldAssignment.js';
export { LogisticRegression, type LogisticRegressionOptions, type LogisticFitOptions } from './logistic/LogisticRegression.js';
export { toBinaryLabels, type ClassLabel, type BinaryLabels } from './logistic/binaryLabels.js';
export { SeparationWarning } from './warnings.js';
export { logisticPath, type LogisticPathOptions } from './logistic/logisticPath.js';
export { cvLogisticPath, type LogisticCvOptions, type LogisticCvMeasure } from './logistic/crossValidateLogisticPath.js';
export { LogisticRegressionCV, type LogisticRegressionCVOptions } from './logistic/LogisticRegressionCV.js';
export { rocAuc } from './logistic/rocAuc.js';
export type { CvMeasure } from './cv/CrossValidation.js';
export type { PenaltyOptions } from './model/penaltyOptions.js';
export type { CertificateKind } from './model/certificateKind.js';
export { fitProximal, ProximalFit, type ProximalOptions, type NormConstraint } from './proximal/fitProximal.js';
export { fitConstrained, type ConstrainedOptions, type ConstrainedFit } from './proximal/fitConstrained.js';
export type { ProximalCertificateKind, DatafitName, RestartName } from './proximal/ProximalProblem.js';
export { ProximalConvergenceWarning } from './proximal/ProximalConvergenceWarning.js';
export { SGDRegressor } from './sgd/SGDRegressor.js';
export { SGDClassifier } from './sgd/SGDClassifier.js';
export type { SGDOptions } from './sgd/SgdEstimator.js';
export type { LearningRateName, L1MethodName } from './sgd/SgdProblem.js';
export { SgdConvergenceWarning } from './sgd/SgdConvergenceWarning.js';
export { parseCsvDataset, type CsvDatasetOptions, type LabeledData } from './io/parseCsvDataset.js';
export { parseSvmlight, SvmlightParser, type SvmlightOptions, type SvmlightData, type SvmlightLabelKind } from './io/SvmlightParser.js';
export { parseMatrixMarket, type MatrixMarketData } from './io/parseMatrixMarket.js';
export { parseMatrixMarketDataset, type MatrixMarketDatasetOptions } from './io/parseMatrixMarketDataset.js';
export { VERSION } from './version.js';
