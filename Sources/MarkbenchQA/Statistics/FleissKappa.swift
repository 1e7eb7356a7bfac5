/// Fleiss' κ: agreement among many raters on a nominal scale, every item rated by the same
/// number of raters (not necessarily the same people).
///
/// With m ratings per item and nᵢⱼ raters putting item i in category j:
/// Pᵢ = (Σⱼ nᵢⱼ² − m) / (m(m − 1)), P̄ the mean of Pᵢ, pⱼ the share of all ratings in category j,
/// P̄ₑ = Σⱼ pⱼ², and κ = (P̄ − P̄ₑ) / (1 − P̄ₑ). This is statsmodels'
/// `fleiss_kappa(aggregate_raters(ratings)[0])` (method "fleiss").
///
/// Edge cases: no items, or fewer than two ratings per item, leave P̄ and κ nil; one category
/// everywhere gives P̄ₑ = 1 and κ nil (statsmodels gives NaN); raters agreeing on every item
/// with two or more categories used give κ 1. Categories nobody used change nothing.
public struct FleissKappa: Sendable, Codable, Hashable {
    /// Number of items (rows).
    public var items: Int
    /// Ratings per item, m.
    public var ratersPerItem: Int
    /// Number of categories in the counts table (used or not).
    public var categories: Int
    /// P̄, the mean proportion of agreeing rater pairs per item; nil without items or with m < 2.
    public var observedAgreement: Double?
    /// P̄ₑ, the agreement expected by chance from the overall category shares; nil without ratings.
    public var chanceAgreement: Double?
    /// Fleiss' κ; nil when undefined (see the type's description).
    public var kappa: Double?

    /// Fleiss' κ from an items × raters matrix of labels: `ratings[i]` holds the m labels item i
    /// received. Categories are the labels that occur.
    /// - Throws: ``AgreementInputError/unequalRatings(item:expected:found:)`` when items have
    ///   different numbers of ratings (use ``KrippendorffAlpha`` for missing ratings).
    public init<T: Hashable>(ratings: [[T]]) throws {
        var index: [T: Int] = [:]
        for row in ratings { for label in row where index[label] == nil { index[label] = index.count } }
        try self.init(counts: Self.counts(ratings, index: index, categories: index.count))
    }

    /// Fleiss' κ from an items × raters matrix over a given category list; the order of the
    /// list does not matter (κ is nominal) and unused categories change nothing.
    /// - Throws: as ``init(ratings:)``, plus ``AgreementInputError/unknownCategory(_:item:rater:)``
    ///   and ``AgreementInputError/duplicateCategory(_:first:second:)``.
    public init<T: Hashable>(ratings: [[T]], categories: [T]) throws {
        let index = try categoryIndex(categories)
        try self.init(counts: Self.counts(ratings, index: index, categories: categories.count))
    }

    /// Fleiss' κ from an items × categories table: `counts[i][j]` raters put item i in category j
    /// (statsmodels' `fleiss_kappa(table)`).
    /// - Throws: ``AgreementInputError/invalidCounts(item:reason:)`` for a negative count or a
    ///   row of another width, ``AgreementInputError/unequalRatings(item:expected:found:)`` when
    ///   rows have different totals.
    public init(counts: [[Int]]) throws {
        let width = counts.first?.count ?? 0
        let m = counts.first.map { $0.reduce(0, +) } ?? 0
        for (i, row) in counts.enumerated() {
            guard row.count == width else {
                throw AgreementInputError.invalidCounts(item: i, reason: "\(row.count) categories where item 1 has \(width)")
            }
            guard row.allSatisfy({ $0 >= 0 }) else {
                throw AgreementInputError.invalidCounts(item: i, reason: "a count is negative")
            }
            let total = row.reduce(0, +)
            guard total == m else { throw AgreementInputError.unequalRatings(item: i, expected: m, found: total) }
        }
        items = counts.count
        ratersPerItem = m
        categories = width
        let total = Double(items * m)
        guard total > 0 else {
            observedAgreement = nil; chanceAgreement = nil; kappa = nil
            return
        }
        var chance = 0.0
        for j in 0..<width {
            let share = Double(counts.reduce(0) { $0 + $1[j] }) / total
            chance += share * share
        }
        chanceAgreement = chance
        guard m >= 2 else {
            observedAgreement = nil; kappa = nil
            return
        }
        let md = Double(m)
        var sum = 0.0
        for row in counts {
            let squares = Double(row.reduce(0) { $0 + $1 * $1 })
            sum += (squares - md) / (md * (md - 1))
        }
        let observed = sum / Double(items)
        observedAgreement = observed
        kappa = chance >= 1 ? nil : (observed - chance) / (1 - chance)
    }

    private static func counts<T: Hashable>(_ ratings: [[T]], index: [T: Int], categories: Int) throws -> [[Int]] {
        let m = ratings.first?.count ?? 0
        return try ratings.enumerated().map { i, row in
            guard row.count == m else { throw AgreementInputError.unequalRatings(item: i, expected: m, found: row.count) }
            var counts = [Int](repeating: 0, count: categories)
            for (r, label) in row.enumerated() {
                guard let j = index[label] else {
                    throw AgreementInputError.unknownCategory(String(describing: label), item: i, rater: r)
                }
                counts[j] += 1
            }
            return counts
        }
    }
}
