/// The level of measurement of a rating scale, which sets how far apart two values are for
/// Krippendorff's α.
public enum MeasurementLevel: String, Sendable, Codable, Hashable, CaseIterable {
    /// Categories without order: any two different values are equally far apart (δ = 1).
    case nominal
    /// Ordered categories: δ(c, k) = (Σ_{g=c…k} n_g − (n_c + n_k)/2)², the rank-based metric,
    /// where n_g is how many pairable values fall in category g.
    case ordinal
    /// Numbers with meaningful differences: δ(c, k) = (c − k)².
    case interval
}

/// Krippendorff's α: agreement among any number of raters, with missing ratings, at a chosen
/// level of measurement.
///
/// Ratings are given per unit (item): `units[u]` holds the values the raters gave unit u, `nil`
/// where a rater gave none (rows may differ in length; which rater gave which value does not
/// matter). Units with fewer than two values cannot be paired and are left out. From the
/// coincidence matrix o (each unit with mᵤ ≥ 2 values adds nᵤc·nᵤk/(mᵤ − 1), minus the
/// self-pairs) and n_c, its marginals: α = 1 − Σ o·δ / Σ e·δ with
/// e_ck = (n_c·n_k − [c = k]·n_c) / (n − 1). This follows the `krippendorff` package's
/// `alpha(reliability_data, level_of_measurement, value_domain)`, transposed: its rows are
/// raters, ours are units.
///
/// Edge cases, with α nil: no units; no unit with two or more values (one rater only, or every
/// unit missing all but one rating); fewer than two categories in the domain, or only one value
/// occurring (expected disagreement 0: one category everywhere). The `krippendorff` package
/// raises a `ValueError` or gives NaN in these cases. Raters agreeing wherever two or more rate
/// a unit, with at least two values in use, give α = 1.
public struct KrippendorffAlpha: Sendable, Codable, Hashable {
    /// The level of measurement the distances were computed for.
    public var level: MeasurementLevel
    /// Number of units given, pairable or not.
    public var units: Int
    /// Units with at least two values: the ones α is computed from.
    public var pairableUnits: Int
    /// n, the number of pairable values (values in pairable units).
    public var pairableValues: Int
    /// Dₒ = Σ o·δ / n, the observed disagreement; nil without pairable units.
    public var observedDisagreement: Double?
    /// Dₑ = Σ e·δ / n, the disagreement expected by chance; nil without pairable units.
    public var expectedDisagreement: Double?
    /// α = 1 − Dₒ/Dₑ; nil when undefined (see the type's description).
    public var alpha: Double?

    /// α over an explicit category list: the value domain, in order for `.ordinal` (lowest
    /// first). Categories no rater used are allowed and change nothing.
    ///
    /// For `.interval` every category must be a number (an integer or a finite floating-point
    /// type), and distances are the squared differences of those numbers.
    /// - Throws: ``AgreementInputError/unknownCategory(_:item:rater:)`` for a value not in
    ///   `categories` (zero-based unit and position in the row),
    ///   ``AgreementInputError/duplicateCategory(_:first:second:)``, and for `.interval`
    ///   ``AgreementInputError/notNumeric(_:)``.
    public init<T: Hashable>(units: [[T?]], categories: [T], level: MeasurementLevel) throws {
        let index = try categoryIndex(categories)
        let distance: ([Double]) -> [[Double]]
        switch level {
        case .nominal: distance = Self.nominalDistances(count: categories.count)
        case .ordinal: distance = Self.ordinalDistances
        case .interval:
            let values = try categories.map { category -> Double in
                guard let value = numericValue(category) else { throw AgreementInputError.notNumeric(String(describing: category)) }
                return value
            }
            distance = Self.intervalDistances(values)
        }
        let counts = try units.enumerated().map { u, row in
            try row.enumerated().compactMap { r, value -> Int? in
                guard let value else { return nil }
                guard let c = index[value] else {
                    throw AgreementInputError.unknownCategory(String(describing: value), item: u, rater: r)
                }
                return c
            }
        }
        self.init(level: level, unitCategories: counts, domainSize: categories.count, distances: distance)
    }

    /// Nominal α with the value domain taken from the values that occur (order is irrelevant at
    /// the nominal level). With fewer than two distinct values α is nil.
    public static func nominal<T: Hashable>(_ units: [[T?]]) -> KrippendorffAlpha {
        var index: [T: Int] = [:]
        for row in units { for case let value? in row where index[value] == nil { index[value] = index.count } }
        return KrippendorffAlpha(level: .nominal, units: units, index: index, distances: nominalDistances(count: index.count))
    }

    /// Ordinal α with the value domain taken from the values that occur, in ascending order
    /// (the `krippendorff` package's default). Give an explicit list with
    /// ``init(units:categories:level:)`` when the order is not the values' own.
    public static func ordinal<T: Hashable & Comparable>(_ units: [[T?]]) -> KrippendorffAlpha {
        let domain = Set(units.joined().compactMap { $0 }).sorted()
        let index = Dictionary(uniqueKeysWithValues: domain.enumerated().map { ($1, $0) })
        return KrippendorffAlpha(level: .ordinal, units: units, index: index, distances: ordinalDistances)
    }

    /// Interval α on numbers; `nil` and NaN are missing ratings (as NaN is in the `krippendorff`
    /// package).
    /// - Throws: ``AgreementInputError/notNumeric(_:)`` for an infinite value.
    public static func interval(_ units: [[Double?]]) throws -> KrippendorffAlpha {
        var cleaned: [[Double?]] = []
        cleaned.reserveCapacity(units.count)
        for row in units {
            cleaned.append(try row.map { value in
                guard let value, !value.isNaN else { return nil }
                guard value.isFinite else { throw AgreementInputError.notNumeric(String(describing: value)) }
                return value
            })
        }
        let domain = Set(cleaned.joined().compactMap { $0 }).sorted()
        return try KrippendorffAlpha(units: cleaned, categories: domain, level: .interval)
    }

    // MARK: - Computation

    /// Units whose every value is in `index` (the domain built from them).
    private init<T: Hashable>(level: MeasurementLevel, units: [[T?]], index: [T: Int], distances: ([Double]) -> [[Double]]) {
        self.init(level: level, unitCategories: units.map { $0.compactMap { $0.flatMap { index[$0] } } },
                  domainSize: index.count, distances: distances)
    }

    /// The core: each unit as the domain positions of its values; `distances` builds δ from the
    /// pairable value counts n_c.
    init(level: MeasurementLevel, unitCategories: [[Int]], domainSize v: Int, distances: ([Double]) -> [[Double]]) {
        self.level = level
        units = unitCategories.count
        var coincidences = [Double](repeating: 0, count: v * v)
        var pairable = 0, values = 0
        var unitCounts = [Int](repeating: 0, count: v)
        for row in unitCategories where row.count >= 2 {
            pairable += 1
            values += row.count
            for c in row { unitCounts[c] += 1 }
            let used = Set(row).sorted()
            let divisor = Double(row.count - 1)
            for c in used {
                for k in used {
                    let pairs = unitCounts[c] * unitCounts[k] - (c == k ? unitCounts[c] : 0)
                    coincidences[c * v + k] += Double(pairs) / divisor
                }
            }
            for c in used { unitCounts[c] = 0 }
        }
        pairableUnits = pairable
        pairableValues = values
        guard pairable > 0, v >= 2 else {
            if pairable > 0 {
                observedDisagreement = 0; expectedDisagreement = 0
            } else {
                observedDisagreement = nil; expectedDisagreement = nil
            }
            alpha = nil
            return
        }
        var marginals = [Double](repeating: 0, count: v)
        for c in 0..<v { for k in 0..<v { marginals[k] += coincidences[c * v + k] } }
        let n = marginals.reduce(0, +)
        let delta = distances(marginals)
        var observed = 0.0, expected = 0.0
        for c in 0..<v {
            for k in 0..<v where delta[c][k] != 0 {
                observed += coincidences[c * v + k] * delta[c][k]
                let chance = (marginals[c] * marginals[k] - (c == k ? marginals[c] : 0)) / (n - 1)
                expected += chance * delta[c][k]
            }
        }
        observedDisagreement = observed / n
        expectedDisagreement = expected / n
        alpha = expected == 0 ? nil : 1 - observed / expected
    }

    static func nominalDistances(count v: Int) -> ([Double]) -> [[Double]] {
        { _ in (0..<v).map { c in (0..<v).map { k in c == k ? 0 : 1 } } }
    }

    static func ordinalDistances(_ marginals: [Double]) -> [[Double]] {
        let v = marginals.count
        var cumulative = [Double](repeating: 0, count: v + 1)
        for g in 0..<v { cumulative[g + 1] = cumulative[g] + marginals[g] }
        return (0..<v).map { c in
            (0..<v).map { k in
                let lo = min(c, k), hi = max(c, k)
                let between = cumulative[hi + 1] - cumulative[lo] - (marginals[lo] + marginals[hi]) / 2
                return between * between
            }
        }
    }

    static func intervalDistances(_ values: [Double]) -> ([Double]) -> [[Double]] {
        { _ in values.map { c in values.map { k in (c - k) * (c - k) } } }
    }
}

/// The value of a category as a finite Double, for interval α; nil when it is not a number.
private func numericValue(_ category: some Hashable) -> Double? {
    switch category {
    case let value as any BinaryInteger: return Double(value)
    case let value as any BinaryFloatingPoint:
        let double = Double(value)
        return double.isFinite ? double : nil
    default: return nil
    }
}
