/// A percentile bootstrap confidence interval for an agreement statistic.
public struct BootstrapInterval: Sendable, Codable, Hashable {
    /// The statistic on the original items; nil when it is undefined there.
    public var estimate: Double?
    /// The lower bound: the (1 − confidence)/2 quantile of the resampled statistics; nil when
    /// undefined (see ``Bootstrap/percentileInterval(items:confidence:resamples:seed:statistic:)``).
    public var lower: Double?
    /// The upper bound: the (1 + confidence)/2 quantile of the resampled statistics; nil when undefined.
    public var upper: Double?
    /// The confidence level, such as 0.95.
    public var confidence: Double
    /// B, the number of resamples drawn.
    public var resamples: Int
    /// How many resamples gave a defined statistic; only those enter the quantiles (a resample
    /// can leave κ undefined, for instance by drawing only items in one category).
    public var definedResamples: Int
    /// The seed of the ``Xoshiro256StarStar`` generator: the same seed and input give the same interval.
    public var seed: UInt64

    /// Both bounds are defined.
    public var isDefined: Bool { lower != nil && upper != nil }
}

/// Percentile bootstrap intervals for agreement statistics, reproducible from a seed.
///
/// The method: draw B resamples of the items, each the same size as the original and drawn
/// with replacement (item indices from ``Xoshiro256StarStar/next(below:)``, resample by
/// resample, index by index); compute the statistic on each; the interval runs between the
/// (1 − c)/2 and (1 + c)/2 quantiles of the defined values, with linear interpolation between
/// order statistics (numpy's default `percentile`, Hyndman and Fan's type 7).
/// `scripts/reference_stats.py` repeats this in Python, and the tests check the two agree.
public enum Bootstrap {
    /// B when none is given.
    public static let defaultResamples = 1000
    /// The confidence level when none is given: 95 %.
    public static let defaultConfidence = 0.95
    /// The seed when none is given (the bytes of "Markbenc").
    public static let defaultSeed: UInt64 = 0x4D61_726B_6265_6E63

    /// A percentile interval for any statistic of a list of items.
    ///
    /// Bounds are nil when there are no items, when the statistic is undefined on the original
    /// items, or when no resample gives a defined value.
    /// - Parameters:
    ///   - items: the units that are resampled (for two raters, item pairs; for Fleiss' κ and α,
    ///     the rows of ratings).
    ///   - confidence: the level, strictly between 0 and 1.
    ///   - resamples: B, at least 1.
    ///   - seed: the generator's seed.
    ///   - statistic: the statistic of a list of items, nil when undefined on it.
    /// - Throws: ``AgreementInputError/invalidParameter(name:value:reason:)`` for a confidence
    ///   outside (0, 1) or B < 1, and whatever `statistic` throws.
    public static func percentileInterval<Item>(
        items: [Item], confidence: Double = defaultConfidence, resamples: Int = defaultResamples,
        seed: UInt64 = defaultSeed, statistic: ([Item]) throws -> Double?
    ) throws -> BootstrapInterval {
        guard confidence > 0, confidence < 1 else {
            throw AgreementInputError.invalidParameter(name: "confidence", value: "\(confidence)", reason: "must lie strictly between 0 and 1, such as 0.95")
        }
        guard resamples >= 1 else {
            throw AgreementInputError.invalidParameter(name: "resamples", value: "\(resamples)", reason: "must be at least 1 (1000 is usual)")
        }
        var interval = BootstrapInterval(estimate: nil, lower: nil, upper: nil, confidence: confidence,
                                         resamples: resamples, definedResamples: 0, seed: seed)
        guard !items.isEmpty else { return interval }
        interval.estimate = try statistic(items)
        var generator = Xoshiro256StarStar(seed: seed)
        let n = UInt64(items.count)
        var values: [Double] = []
        values.reserveCapacity(resamples)
        var sample: [Item] = []
        sample.reserveCapacity(items.count)
        for _ in 0..<resamples {
            sample.removeAll(keepingCapacity: true)
            for _ in 0..<items.count { sample.append(items[Int(generator.next(below: n))]) }
            if let value = try statistic(sample), value.isFinite { values.append(value) }
        }
        interval.definedResamples = values.count
        guard interval.estimate != nil, !values.isEmpty else { return interval }
        values.sort()
        let tail = (1 - confidence) / 2
        interval.lower = quantile(values, tail)
        interval.upper = quantile(values, 1 - tail)
        return interval
    }

    /// The q-quantile of sorted values by linear interpolation (type 7), computed as numpy does.
    static func quantile(_ sorted: [Double], _ q: Double) -> Double {
        let position = Double(sorted.count - 1) * q
        let below = min(max(Int(position.rounded(.down)), 0), sorted.count - 1)
        let above = min(below + 1, sorted.count - 1)
        let t = position - Double(below)
        let a = sorted[below], b = sorted[above]
        let difference = b - a
        return t >= 0.5 ? b - difference * (1 - t) : a + difference * t
    }

    // MARK: - Conveniences

    /// An interval for Cohen's κ (``Agreement/cohen(_:_:)``), resampling item pairs.
    /// - Throws: ``AgreementInputError/lengthMismatch(first:second:)`` and parameter errors.
    public static func cohenKappa<T: Hashable>(
        _ a: [T], _ b: [T], confidence: Double = defaultConfidence, resamples: Int = defaultResamples,
        seed: UInt64 = defaultSeed
    ) throws -> BootstrapInterval {
        guard a.count == b.count else { throw AgreementInputError.lengthMismatch(first: a.count, second: b.count) }
        return try percentileInterval(items: Array(zip(a, b)), confidence: confidence, resamples: resamples, seed: seed) {
            Agreement.cohen($0.map(\.0), $0.map(\.1)).kappa
        }
    }

    /// An interval for weighted κ (``Agreement/weightedKappa(_:_:categories:weighting:)``),
    /// resampling item pairs.
    public static func weightedKappa<T: Hashable>(
        _ a: [T], _ b: [T], categories: [T], weighting: KappaWeighting,
        confidence: Double = defaultConfidence, resamples: Int = defaultResamples, seed: UInt64 = defaultSeed
    ) throws -> BootstrapInterval {
        guard a.count == b.count else { throw AgreementInputError.lengthMismatch(first: a.count, second: b.count) }
        _ = try Agreement.weightedKappa(a, b, categories: categories, weighting: weighting)  // validate once
        return try percentileInterval(items: Array(zip(a, b)), confidence: confidence, resamples: resamples, seed: seed) {
            try Agreement.weightedKappa($0.map(\.0), $0.map(\.1), categories: categories, weighting: weighting)
        }
    }

    /// An interval for Fleiss' κ (``FleissKappa/init(ratings:)``), resampling items (rows).
    public static func fleissKappa<T: Hashable>(
        ratings: [[T]], confidence: Double = defaultConfidence, resamples: Int = defaultResamples,
        seed: UInt64 = defaultSeed
    ) throws -> BootstrapInterval {
        try percentileInterval(items: ratings, confidence: confidence, resamples: resamples, seed: seed) {
            try FleissKappa(ratings: $0).kappa
        }
    }

    /// An interval for Krippendorff's α (``KrippendorffAlpha/init(units:categories:level:)``),
    /// resampling units (rows, missing ratings and all).
    public static func krippendorffAlpha<T: Hashable>(
        units: [[T?]], categories: [T], level: MeasurementLevel,
        confidence: Double = defaultConfidence, resamples: Int = defaultResamples, seed: UInt64 = defaultSeed
    ) throws -> BootstrapInterval {
        try percentileInterval(items: units, confidence: confidence, resamples: resamples, seed: seed) {
            try KrippendorffAlpha(units: $0, categories: categories, level: level).alpha
        }
    }
}
