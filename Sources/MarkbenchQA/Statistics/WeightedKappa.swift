/// How Cohen's κ weights a disagreement between categories `i` and `j` (zero-based positions in
/// the ordered category list).
public enum KappaWeighting: String, Sendable, Codable, Hashable, CaseIterable {
    /// Every disagreement weighs 1, agreement 0: plain (nominal) Cohen's κ.
    case unweighted
    /// Weight `|i − j|`: a disagreement costs in proportion to how many steps apart the categories are.
    case linear
    /// Weight `(i − j)²`: far-apart disagreements cost much more than near misses.
    case quadratic

    /// The disagreement weight of categories at positions `i` and `j`.
    public func weight(_ i: Int, _ j: Int) -> Double {
        switch self {
        case .unweighted: return i == j ? 0 : 1
        case .linear: return Double(abs(i - j))
        case .quadratic: return Double((i - j) * (i - j))
        }
    }
}

extension Agreement {
    /// Cohen's κ for two raters on an ordered scale, with linear or quadratic disagreement weights.
    ///
    /// `categories` is the scale in order, lowest first; every category counts, including those
    /// no rater used, so a category absent from the data still separates its neighbours (with
    /// `[1, 2, 3, 4]`, ratings 2 and 4 are two steps apart even if nobody chose 3).
    ///
    /// κ = 1 − Σ wᵢⱼ·Oᵢⱼ / Σ wᵢⱼ·Eᵢⱼ, where O is the confusion matrix (rows rater `a`, columns
    /// rater `b`), E the matrix expected from the two raters' marginals, and w the weights. This
    /// is scikit-learn's `cohen_kappa_score(a, b, labels: categories, weights: …)`, and
    /// `.unweighted` equals ``cohen(_:_:)``.
    ///
    /// - Returns: κ, or nil when it is undefined: no items, or Σ w·E = 0, which happens when both
    ///   raters use one and the same category throughout (scikit-learn gives NaN there). All
    ///   raters agreeing on two or more categories gives 1.
    /// - Throws: ``AgreementInputError/lengthMismatch(first:second:)`` when the lists differ in
    ///   length, ``AgreementInputError/unknownCategory(_:item:rater:)`` for a label missing from
    ///   `categories` (scikit-learn would silently drop that item), and
    ///   ``AgreementInputError/duplicateCategory(_:first:second:)``.
    public static func weightedKappa<T: Hashable>(
        _ a: [T], _ b: [T], categories: [T], weighting: KappaWeighting
    ) throws -> Double? {
        guard a.count == b.count else { throw AgreementInputError.lengthMismatch(first: a.count, second: b.count) }
        let index = try categoryIndex(categories)
        let k = categories.count
        var confusion = [Int](repeating: 0, count: k * k)
        var rowTotals = [Int](repeating: 0, count: k), columnTotals = [Int](repeating: 0, count: k)
        for item in a.indices {
            guard let i = index[a[item]] else {
                throw AgreementInputError.unknownCategory(String(describing: a[item]), item: item, rater: 0)
            }
            guard let j = index[b[item]] else {
                throw AgreementInputError.unknownCategory(String(describing: b[item]), item: item, rater: 1)
            }
            confusion[i * k + j] += 1
            rowTotals[i] += 1
            columnTotals[j] += 1
        }
        let n = Double(a.count)
        guard n > 0 else { return nil }
        var observed = 0.0, expected = 0.0
        for i in 0..<k {
            for j in 0..<k {
                let w = weighting.weight(i, j)
                guard w != 0 else { continue }
                observed += w * Double(confusion[i * k + j])
                expected += w * (Double(rowTotals[i]) * Double(columnTotals[j]) / n)
            }
        }
        guard expected != 0 else { return nil }
        return 1 - observed / expected
    }
}
