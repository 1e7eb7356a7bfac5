/// Agreement between two raters over the same items, on a nominal scale.
///
/// For an ordered scale see ``weightedKappa(_:_:categories:weighting:)``; for more than two
/// raters ``FleissKappa`` (every item rated by the same number of raters) or
/// ``KrippendorffAlpha`` (missing ratings allowed); for confidence intervals ``Bootstrap``.
public struct Agreement: Sendable, Codable, Hashable {
    /// Number of items both raters labelled.
    public var items: Int
    /// Number of items given the same label by both raters.
    public var agreed: Int
    /// Proportion of items on which the raters agree, 0…1.
    public var percent: Double
    /// Cohen's κ; nil when undefined (fewer than one item, or chance agreement is 1).
    public var kappa: Double?

    /// Percent agreement and Cohen's κ for two parallel label lists.
    ///
    /// κ = (pₒ − pₑ) / (1 − pₑ), with pₒ the observed agreement and pₑ the agreement expected
    /// from each rater's own label frequencies; it matches scikit-learn's `cohen_kappa_score(a, b)`.
    /// Edge cases: no items gives percent 0 and κ nil; one and the same label everywhere gives
    /// percent 1 and κ nil (pₑ = 1, scikit-learn gives NaN); raters agreeing on every item with
    /// two or more labels give κ 1. The lists must have the same length (a precondition; use
    /// ``weightedKappa(_:_:categories:weighting:)`` with `.unweighted` for a throwing check).
    public static func cohen<T: Hashable>(_ a: [T], _ b: [T]) -> Agreement {
        precondition(a.count == b.count, "rater lists must be the same length")
        let n = a.count
        guard n > 0 else { return Agreement(items: 0, agreed: 0, percent: 0, kappa: nil) }
        let agreed = zip(a, b).filter { $0 == $1 }.count
        let po = Double(agreed) / Double(n)
        var countA: [T: Int] = [:], countB: [T: Int] = [:]
        for x in a { countA[x, default: 0] += 1 }
        for x in b { countB[x, default: 0] += 1 }
        var pe = 0.0
        for (category, ca) in countA { pe += Double(ca) / Double(n) * Double(countB[category] ?? 0) / Double(n) }
        let kappa: Double? = pe >= 1 ? nil : (po - pe) / (1 - pe)
        return Agreement(items: n, agreed: agreed, percent: po, kappa: kappa)
    }
}
