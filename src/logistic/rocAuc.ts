/**
 * Area under the ROC curve of scores for binary labels (y ∈ {0, 1}), with optional sample
 * weights: the (weighted) probability that a random positive scores above a random negative,
 * ties counting ½ (the Mann–Whitney statistic). NaN when one class is absent.
 *
 * @example
 * ```ts
 * rocAuc(Float64Array.of(0, 0, 1, 1), Float64Array.of(0.1, 0.4, 0.35, 0.8)); // 0.75
 * ```
 */
export function rocAuc(y01: ArrayLike<number>, scores: ArrayLike<number>, weights?: ArrayLike<number>): number {
  const order = Array.from({ length: scores.length }, (_, i) => i).sort((a, b) => scores[a]! - scores[b]!);
  let negativesBelow = 0;
  let totalPositive = 0;
  let totalNegative = 0;
  let area = 0;
  // Walk the scores upward a tie group at a time: a positive beats every negative below its group
  // and half of the negatives within it.
  for (let start = 0; start < order.length; ) {
    let end = start;
    let groupPositive = 0;
    let groupNegative = 0;
    while (end < order.length && scores[order[end]!] === scores[order[start]!]) {
      const i = order[end]!;
      const w = weights ? weights[i]! : 1;
      if (y01[i] === 1) groupPositive += w;
      else groupNegative += w;
      end++;
    }
    area += groupPositive * (negativesBelow + 0.5 * groupNegative);
    negativesBelow += groupNegative;
    totalPositive += groupPositive;
    totalNegative += groupNegative;
    start = end;
  }
  return totalPositive > 0 && totalNegative > 0 ? area / (totalPositive * totalNegative) : NaN;
}
