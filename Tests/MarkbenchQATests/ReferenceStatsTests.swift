import Foundation
import MarkbenchQA
import Testing

// Expected values computed by scikit-learn, statsmodels and krippendorff
// (scripts/reference_stats.py writes Fixtures/reference-stats.json; rerun it to regenerate).

private let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/reference-stats.json")
private let tolerance = 1e-9

/// A category label in the fixture: an integer or a string.
private enum Label: Hashable, Decodable, CustomStringConvertible {
    case int(Int), string(String)
    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let value = try? container.decode(Int.self) { self = .int(value) } else { self = .string(try container.decode(String.self)) }
    }
    var int: Int? { if case let .int(value) = self { value } else { nil } }
    var string: String { switch self { case let .int(value): String(value); case let .string(value): value } }
    var description: String { string }
}

private struct Expected: Decodable {
    var statistic: String
    var value: Double?
}

private struct Case: Decodable, CustomTestStringConvertible {
    var name: String
    var description: String
    var categories: [Label]
    var ratings: [[Label?]]
    var counts: [[Int]]?
    var expected: [Expected]
    var testDescription: String { name }
}

private struct GeneratorVectors: Decodable {
    struct Below: Decodable { var bound: UInt64; var values: [UInt64] }
    var seed: String
    var splitmix64: [String]
    var xoshiro256starstar: [String]
    var below: Below
}

private struct BootstrapCheck: Decodable, CustomTestStringConvertible {
    var `case`: String
    var statistic: String
    var seed: String
    var resamples: Int
    var confidence: Double
    var estimate: Double?
    var lower: Double?
    var upper: Double?
    var defined: Int
    var testDescription: String { "\(self.case) \(statistic)" }
}

private struct Reference: Decodable {
    var cases: [Case]
    var generator: GeneratorVectors
    var bootstraps: [BootstrapCheck]
}

private let reference: Reference = {
    do {
        return try JSONDecoder().decode(Reference.self, from: Data(contentsOf: fixture))
    } catch {
        Issue.record("cannot read \(fixture.path): \(error) — run scripts/reference_stats.py")
        return Reference(cases: [], generator: GeneratorVectors(seed: "0", splitmix64: [], xoshiro256starstar: [], below: .init(bound: 1, values: [])), bootstraps: [])
    }
}()

/// The case's ratings and categories as Ints when every category is an integer, else as Strings.
private enum Typed {
    case ints(ratings: [[Int?]], categories: [Int])
    case strings(ratings: [[String?]], categories: [String])

    init(_ c: Case) {
        let ints = c.categories.compactMap(\.int)
        if ints.count == c.categories.count {
            self = .ints(ratings: c.ratings.map { $0.map { $0?.int } }, categories: ints)
        } else {
            self = .strings(ratings: c.ratings.map { $0.map { $0?.string } }, categories: c.categories.map(\.string))
        }
    }
}

private func expectClose(_ actual: Double?, _ expected: Double?, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
    switch (actual, expected) {
    case (nil, nil): break
    case let (actual?, expected?):
        #expect(abs(actual - expected) <= tolerance, "\(what): \(actual), reference \(expected)", sourceLocation: sourceLocation)
    default:
        Issue.record("\(what): \(String(describing: actual)), reference \(String(describing: expected))", sourceLocation: sourceLocation)
    }
}

/// Every statistic the case has a reference value for, computed in Swift every way it can be.
private func check<T: Hashable>(_ c: Case, ratings: [[T?]], categories: [T], ordinalShortcut: (([[T?]]) -> Double?)?,
                                interval: (([T?]) -> [Double?])?) throws {
    let complete = ratings.map { $0.compactMap { $0 } }
    for expected in c.expected {
        let what = "\(c.name) \(expected.statistic)"
        switch expected.statistic {
        case "cohen.unweighted", "cohen.linear", "cohen.quadratic":
            let a = complete.map { $0[0] }, b = complete.map { $0[1] }
            let weighting = KappaWeighting(rawValue: String(expected.statistic.dropFirst("cohen.".count)))!
            expectClose(try Agreement.weightedKappa(a, b, categories: categories, weighting: weighting), expected.value, what)
            if weighting == .unweighted { expectClose(Agreement.cohen(a, b).kappa, expected.value, what + " (cohen)") }
        case "fleiss":
            expectClose(try FleissKappa(ratings: complete).kappa, expected.value, what)
            expectClose(try FleissKappa(ratings: complete, categories: categories).kappa, expected.value, what + " (categories)")
            if let counts = c.counts { expectClose(try FleissKappa(counts: counts).kappa, expected.value, what + " (counts)") }
        case "alpha.nominal":
            expectClose(try KrippendorffAlpha(units: ratings, categories: categories, level: .nominal).alpha, expected.value, what)
            expectClose(KrippendorffAlpha.nominal(ratings).alpha, expected.value, what + " (domain from data)")
        case "alpha.ordinal":
            expectClose(try KrippendorffAlpha(units: ratings, categories: categories, level: .ordinal).alpha, expected.value, what)
            if let ordinalShortcut { expectClose(ordinalShortcut(ratings), expected.value, what + " (sorted domain)") }
        case "alpha.interval":
            expectClose(try KrippendorffAlpha(units: ratings, categories: categories, level: .interval).alpha, expected.value, what)
            let doubles = try #require(interval, "\(what): interval needs numbers")
            expectClose(try KrippendorffAlpha.interval(ratings.map(doubles)).alpha, expected.value, what + " (doubles)")
        default:
            Issue.record("\(what): no Swift statistic for this reference value")
        }
    }
}

@Suite("Reference statistics (scikit-learn, statsmodels, krippendorff)")
struct ReferenceStatsTests {
    @Test func fixtureHasTheRequiredCases() throws {
        #expect(reference.cases.count >= 12)
        let names = Set(reference.cases.map(\.name))
        #expect(names.count == reference.cases.count, "case names are unique")
        for required in ["domain-note", "seeded-ordinal-50", "binary", "fleiss-nominal-5-raters", "krippendorff-readme",
                         "krippendorff-seeded-missing", "all-agree-pair", "one-category-pair"] {
            #expect(names.contains(required), "missing case \(required)")
        }
        let note = try #require(reference.cases.first { $0.name == "domain-note" })
        let value = Dictionary(note.expected.map { ($0.statistic, $0.value) }, uniquingKeysWith: { a, _ in a })
        #expect(abs(try #require(value["cohen.unweighted"] ?? nil) - 0.7222) < 5e-5)
        #expect(abs(try #require(value["cohen.linear"] ?? nil) - 0.8039) < 5e-5)
        #expect(abs(try #require(value["cohen.quadratic"] ?? nil) - 0.8837) < 5e-5)
    }

    @Test("Every statistic matches its reference to 1e-9", arguments: reference.cases)
    fileprivate func matchesReference(_ c: Case) throws {
        switch Typed(c) {
        case let .ints(ratings, categories):
            try check(c, ratings: ratings, categories: categories, ordinalShortcut: { KrippendorffAlpha.ordinal($0).alpha },
                      interval: { row in row.map { $0.map { Double($0) } } })
        case let .strings(ratings, categories):
            try check(c, ratings: ratings, categories: categories, ordinalShortcut: nil, interval: nil)
        }
    }

    @Test func generatorMatchesTheScript() throws {
        let g = reference.generator
        let seed = try #require(UInt64(g.seed))
        var splitmix = SplitMix64(seed: seed)
        #expect(g.splitmix64.compactMap(UInt64.init) == g.splitmix64.indices.map { _ in splitmix.next() })
        var xoshiro = Xoshiro256StarStar(seed: seed)
        #expect(g.xoshiro256starstar.compactMap(UInt64.init) == g.xoshiro256starstar.indices.map { _ in xoshiro.next() })
        var bounded = Xoshiro256StarStar(seed: seed)
        #expect(g.below.values == g.below.values.indices.map { _ in bounded.next(below: g.below.bound) })
        #expect(!g.splitmix64.isEmpty && !g.xoshiro256starstar.isEmpty && !g.below.values.isEmpty)
    }

    @Test("Bootstrap intervals match the script's Python bootstrap", arguments: reference.bootstraps)
    fileprivate func bootstrapMatchesTheScript(_ check: BootstrapCheck) throws {
        let c = try #require(reference.cases.first { $0.name == check.case })
        let seed = try #require(UInt64(check.seed))
        guard case let .ints(ratings, categories) = Typed(c) else { Issue.record("numeric case expected"); return }
        let interval: BootstrapInterval
        switch check.statistic {
        case "cohen.unweighted":
            interval = try Bootstrap.cohenKappa(ratings.map { $0[0]! }, ratings.map { $0[1]! },
                                                confidence: check.confidence, resamples: check.resamples, seed: seed)
        case "cohen.linear", "cohen.quadratic":
            interval = try Bootstrap.weightedKappa(ratings.map { $0[0]! }, ratings.map { $0[1]! }, categories: categories,
                                                   weighting: KappaWeighting(rawValue: String(check.statistic.dropFirst(6)))!,
                                                   confidence: check.confidence, resamples: check.resamples, seed: seed)
        case "fleiss":
            interval = try Bootstrap.fleissKappa(ratings: ratings.map { $0.map { $0! } }, confidence: check.confidence,
                                                 resamples: check.resamples, seed: seed)
        case "alpha.nominal", "alpha.ordinal", "alpha.interval":
            interval = try Bootstrap.krippendorffAlpha(units: ratings, categories: categories,
                                                       level: MeasurementLevel(rawValue: String(check.statistic.dropFirst(6)))!,
                                                       confidence: check.confidence, resamples: check.resamples, seed: seed)
        default:
            Issue.record("unknown statistic \(check.statistic)"); return
        }
        #expect(interval.definedResamples == check.defined)
        #expect(interval.resamples == check.resamples)
        expectClose(interval.estimate, check.estimate, "estimate")
        expectClose(interval.lower, check.lower, "lower")
        expectClose(interval.upper, check.upper, "upper")
    }
}
