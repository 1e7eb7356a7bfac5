import MarkbenchQA
import Testing

@Suite("Bootstrap confidence intervals")
struct BootstrapTests {
    // A well-behaved case: two raters, 40 items on a 4-point scale, mostly agreeing.
    static let a = [1, 2, 3, 4, 2, 3, 1, 4, 3, 2, 1, 2, 3, 4, 4, 3, 2, 1, 2, 3,
                    4, 1, 2, 3, 3, 2, 1, 4, 2, 3, 1, 2, 4, 3, 2, 1, 3, 4, 2, 1]
    static let b = [1, 2, 3, 4, 2, 2, 1, 4, 3, 2, 1, 3, 3, 4, 3, 3, 2, 1, 2, 3,
                    4, 1, 2, 4, 3, 2, 2, 4, 2, 3, 1, 2, 4, 3, 1, 1, 3, 4, 2, 1]

    @Test func xoshiroMatchesTheReferenceVector() {
        // Blackman and Vigna's xoshiro256** from state {1, 2, 3, 4}, as in rand_xoshiro's tests.
        var generator = Xoshiro256StarStar(state: (1, 2, 3, 4))
        let expected: [UInt64] = [11520, 0, 1_509_978_240, 1_215_971_899_390_074_240, 1_216_172_134_540_287_360,
                                  607_988_272_756_665_600, 16_172_922_978_634_559_625, 8_476_171_486_693_032_832,
                                  10_595_114_339_597_558_777, 2_904_607_092_377_533_576]
        #expect(expected.map { _ in generator.next() } == expected)
    }

    @Test func splitMixMatchesTheReferenceVector() {
        var generator = SplitMix64(seed: 1_234_567)
        #expect([generator.next(), generator.next(), generator.next()]
            == [6_457_827_717_110_365_317, 3_203_168_211_198_807_973, 9_817_491_932_198_370_423])
    }

    @Test func boundedDrawsStayInRangeAndCoverIt() {
        var generator = Xoshiro256StarStar(seed: 99)
        var seen = [Int](repeating: 0, count: 7)
        for _ in 0..<7000 {
            let value = generator.next(below: 7)
            #expect(value < 7)
            seen[Int(value)] += 1
        }
        #expect(seen.allSatisfy { $0 > 850 && $0 < 1150 }, "roughly uniform: \(seen)")
        var one = Xoshiro256StarStar(seed: 1)
        #expect(one.next(below: 1) == 0)
    }

    @Test func sameSeedGivesTheSameInterval() throws {
        let first = try Bootstrap.weightedKappa(Self.a, Self.b, categories: [1, 2, 3, 4], weighting: .quadratic, seed: 2024)
        let second = try Bootstrap.weightedKappa(Self.a, Self.b, categories: [1, 2, 3, 4], weighting: .quadratic, seed: 2024)
        #expect(first == second)
        #expect(first.lower != nil && first.upper != nil)
        let defaults = try Bootstrap.cohenKappa(Self.a, Self.b)
        #expect(defaults == (try Bootstrap.cohenKappa(Self.a, Self.b)))
        #expect(defaults.seed == Bootstrap.defaultSeed)
    }

    @Test func differentSeedsCanDiffer() throws {
        let intervals = try (1...5).map { try Bootstrap.cohenKappa(Self.a, Self.b, seed: UInt64($0)) }
        #expect(Set(intervals.map { [$0.lower!, $0.upper!] }).count > 1)
        // The point estimate does not depend on the seed.
        #expect(Set(intervals.map { $0.estimate! }).count == 1)
    }

    @Test func intervalContainsThePointEstimate() throws {
        let checks: [BootstrapInterval] = [
            try Bootstrap.cohenKappa(Self.a, Self.b),
            try Bootstrap.weightedKappa(Self.a, Self.b, categories: [1, 2, 3, 4], weighting: .linear),
            try Bootstrap.weightedKappa(Self.a, Self.b, categories: [1, 2, 3, 4], weighting: .quadratic),
            try Bootstrap.fleissKappa(ratings: zip(Self.a, Self.b).map { [$0, $1] }),
            try Bootstrap.krippendorffAlpha(units: zip(Self.a, Self.b).map { [$0, $1] }, categories: [1, 2, 3, 4], level: .ordinal),
        ]
        for interval in checks {
            let estimate = try #require(interval.estimate)
            let lower = try #require(interval.lower), upper = try #require(interval.upper)
            #expect(lower <= estimate && estimate <= upper, "\(lower) ≤ \(estimate) ≤ \(upper)")
            #expect(lower < upper)
            #expect(interval.resamples == Bootstrap.defaultResamples)
            #expect(interval.confidence == Bootstrap.defaultConfidence)
            #expect(interval.definedResamples == interval.resamples)
        }
    }

    @Test func higherConfidenceGivesAWiderInterval() throws {
        let narrow = try Bootstrap.cohenKappa(Self.a, Self.b, confidence: 0.8, seed: 5)
        let wide = try Bootstrap.cohenKappa(Self.a, Self.b, confidence: 0.99, seed: 5)
        #expect(wide.lower! <= narrow.lower! && narrow.upper! <= wide.upper!)
    }

    @Test func undefinedIntervalsHaveNilBounds() throws {
        let empty = try Bootstrap.cohenKappa([Int](), [Int]())
        #expect(empty.estimate == nil && empty.lower == nil && empty.upper == nil && !empty.isDefined)
        #expect(empty.definedResamples == 0)
        // One category everywhere: κ is undefined on the data and on every resample.
        let flat = try Bootstrap.cohenKappa(Array(repeating: "yes", count: 10), Array(repeating: "yes", count: 10))
        #expect(flat.estimate == nil && flat.lower == nil && flat.upper == nil)
        // One rater only: α is undefined.
        let alone = try Bootstrap.krippendorffAlpha(units: [[1], [2], [3]], categories: [1, 2, 3], level: .nominal)
        #expect(alone.lower == nil && alone.upper == nil)
    }

    @Test func resamplesWithUndefinedValuesAreLeftOut() throws {
        // Two items in different categories: some resamples draw one item twice, leaving κ undefined.
        let interval = try Bootstrap.cohenKappa([1, 2], [1, 2], resamples: 200, seed: 3)
        #expect(interval.estimate == 1)
        #expect(interval.definedResamples > 0 && interval.definedResamples < 200)
        #expect(interval.lower == 1 && interval.upper == 1)
    }

    @Test func customStatistic() throws {
        // Percent agreement through the generic entry point.
        let pairs = Array(zip(Self.a, Self.b))
        let interval = try Bootstrap.percentileInterval(items: pairs, resamples: 300, seed: 9) { sample in
            Agreement.cohen(sample.map(\.0), sample.map(\.1)).percent
        }
        #expect(interval.estimate == Agreement.cohen(Self.a, Self.b).percent)
        #expect(interval.lower! <= interval.estimate! && interval.estimate! <= interval.upper!)
    }

    @Test func invalidParametersThrow() {
        #expect(throws: AgreementInputError.self) { try Bootstrap.cohenKappa(Self.a, Self.b, confidence: 1) }
        #expect(throws: AgreementInputError.self) { try Bootstrap.cohenKappa(Self.a, Self.b, confidence: 0) }
        #expect(throws: AgreementInputError.self) { try Bootstrap.cohenKappa(Self.a, Self.b, resamples: 0) }
        #expect(throws: AgreementInputError.self) { try Bootstrap.cohenKappa([1, 2], [1]) }
        #expect(throws: AgreementInputError.self) {
            try Bootstrap.weightedKappa([1, 5], [1, 2], categories: [1, 2], weighting: .linear)
        }
    }
}
