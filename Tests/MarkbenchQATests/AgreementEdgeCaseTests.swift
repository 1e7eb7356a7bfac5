import MarkbenchQA
import Testing

@Suite("Agreement statistics: edge cases")
struct AgreementEdgeCaseTests {
    // MARK: - Empty input

    @Test func emptyInputIsUndefinedEverywhere() throws {
        #expect(try Agreement.weightedKappa([Int](), [Int](), categories: [1, 2], weighting: .linear) == nil)
        let fleiss = try FleissKappa(ratings: [[Int]]())
        #expect(fleiss.items == 0 && fleiss.kappa == nil && fleiss.observedAgreement == nil && fleiss.chanceAgreement == nil)
        let alpha = try KrippendorffAlpha(units: [[Int?]](), categories: [1, 2], level: .ordinal)
        #expect(alpha.units == 0 && alpha.alpha == nil && alpha.observedDisagreement == nil)
        #expect(KrippendorffAlpha.nominal([[String?]]()).alpha == nil)
        #expect(try KrippendorffAlpha.interval([]).alpha == nil)
    }

    // MARK: - One category everywhere (the references give NaN or raise: undefined, nil)

    @Test func singleCategoryIsUndefined() throws {
        let yes = Array(repeating: "yes", count: 5)
        for weighting in KappaWeighting.allCases {
            #expect(try Agreement.weightedKappa(yes, yes, categories: ["no", "yes"], weighting: weighting) == nil)
        }
        let fleiss = try FleissKappa(ratings: Array(repeating: ["a", "a", "a"], count: 4))
        #expect(fleiss.kappa == nil)
        #expect(fleiss.chanceAgreement == 1 && fleiss.observedAgreement == 1)
        for level in [MeasurementLevel.nominal, .ordinal] {
            let alpha = try KrippendorffAlpha(units: [[2, 2, nil], [2, nil, 2]], categories: [1, 2, 3], level: level)
            #expect(alpha.alpha == nil)
            #expect(alpha.observedDisagreement == 0 && alpha.expectedDisagreement == 0)
        }
        #expect(KrippendorffAlpha.nominal([["x", "x"], ["x", nil]]).alpha == nil)
    }

    // MARK: - All raters agree

    @Test func fullAgreementIsOne() throws {
        let a = [1, 2, 3, 1, 2]
        for weighting in KappaWeighting.allCases {
            #expect(try Agreement.weightedKappa(a, a, categories: [1, 2, 3, 4], weighting: weighting) == 1)
        }
        #expect(try FleissKappa(ratings: a.map { [$0, $0, $0, $0] }).kappa == 1)
        let units: [[Int?]] = a.map { [$0, nil, $0] }
        for level in MeasurementLevel.allCases {
            #expect(try KrippendorffAlpha(units: units, categories: [1, 2, 3, 4], level: level).alpha == 1)
        }
    }

    // MARK: - Missing values and one rater

    @Test func missingValuesAndSingletonUnits() throws {
        // Units with one value (or none) are not pairable and change nothing.
        let full: [[Int?]] = [[1, 1], [2, 2], [3, 2], [1, 1], [2, 3]]
        let padded: [[Int?]] = full + [[nil, 3], [nil, nil], [1]]
        let withoutPadding = try KrippendorffAlpha(units: full, categories: [1, 2, 3], level: .ordinal)
        let withPadding = try KrippendorffAlpha(units: padded, categories: [1, 2, 3], level: .ordinal)
        #expect(withPadding.alpha == withoutPadding.alpha)
        #expect(withPadding.units == 8 && withPadding.pairableUnits == 5 && withPadding.pairableValues == 10)
        // NaN is a missing value for interval α, as in the krippendorff package.
        let interval = try KrippendorffAlpha.interval([[1, 1], [2, .nan], [3, 2], [1, 1], [2, 3], [.nan, 4]])
        let same = try KrippendorffAlpha.interval([[1, 1], [3, 2], [1, 1], [2, 3]])
        #expect(interval.alpha == same.alpha)
    }

    @Test func oneRaterOnlyIsUndefined() throws {
        let alpha = try KrippendorffAlpha(units: [[1], [2], [3], [2]], categories: [1, 2, 3], level: .nominal)
        #expect(alpha.alpha == nil && alpha.pairableUnits == 0 && alpha.expectedDisagreement == nil)
        let fleiss = try FleissKappa(ratings: [[1], [2], [3]])
        #expect(fleiss.kappa == nil && fleiss.observedAgreement == nil && fleiss.ratersPerItem == 1)
    }

    // MARK: - Ordered categories

    @Test func absentCategoriesStillCountForWeights() throws {
        // 2 versus 4 is two steps on 1…4 even though nobody used 3; dropping 3 changes linear κ.
        let a = [1, 2, 4, 2, 1, 4], b = [1, 4, 4, 2, 2, 4]
        let withGap = try #require(try Agreement.weightedKappa(a, b, categories: [1, 2, 3, 4], weighting: .linear))
        let withoutGap = try #require(try Agreement.weightedKappa(a, b, categories: [1, 2, 4], weighting: .linear))
        #expect(withGap != withoutGap)
        // A category beyond the ends changes nothing.
        let extended = try Agreement.weightedKappa(a, b, categories: [0, 1, 2, 3, 4, 5], weighting: .linear)
        #expect(abs(extended! - withGap) < 1e-12)
        // Unweighted κ does not depend on the category list.
        let plain = try Agreement.weightedKappa(a, b, categories: [4, 3, 2, 1], weighting: .unweighted)
        #expect(abs(plain! - Agreement.cohen(a, b).kappa!) < 1e-12)
    }

    @Test func categoryOrderMattersForOrdinalOnly() throws {
        let units: [[String?]] = [["low", "mid"], ["mid", "mid"], ["high", "mid"], ["low", "low"], ["high", "high"], ["low", nil]]
        let natural = ["low", "mid", "high"], alphabetical = ["high", "low", "mid"]
        let n1 = try KrippendorffAlpha(units: units, categories: natural, level: .nominal).alpha
        let n2 = try KrippendorffAlpha(units: units, categories: alphabetical, level: .nominal).alpha
        #expect(n1 == n2)
        let o1 = try KrippendorffAlpha(units: units, categories: natural, level: .ordinal).alpha
        let o2 = try KrippendorffAlpha(units: units, categories: alphabetical, level: .ordinal).alpha
        #expect(o1 != o2)
    }

    // MARK: - Malformed input throws, with a message saying what to do

    @Test func malformedInputThrows() {
        #expect(throws: AgreementInputError.lengthMismatch(first: 2, second: 1)) {
            try Agreement.weightedKappa([1, 2], [1], categories: [1, 2], weighting: .linear)
        }
        #expect(throws: AgreementInputError.unknownCategory("9", item: 1, rater: 1)) {
            try Agreement.weightedKappa([1, 2], [1, 9], categories: [1, 2], weighting: .quadratic)
        }
        #expect(throws: AgreementInputError.duplicateCategory("2", first: 1, second: 2)) {
            try Agreement.weightedKappa([1], [1], categories: [1, 2, 2], weighting: .linear)
        }
        #expect(throws: AgreementInputError.unequalRatings(item: 1, expected: 3, found: 2)) {
            try FleissKappa(ratings: [[1, 1, 2], [2, 2]])
        }
        #expect(throws: AgreementInputError.unknownCategory("c", item: 0, rater: 2)) {
            try FleissKappa(ratings: [["a", "b", "c"]], categories: ["a", "b"])
        }
        #expect(throws: AgreementInputError.self) { try FleissKappa(counts: [[1, 2], [3]]) }
        #expect(throws: AgreementInputError.self) { try FleissKappa(counts: [[4, -1]]) }
        #expect(throws: AgreementInputError.unequalRatings(item: 1, expected: 3, found: 4)) { try FleissKappa(counts: [[1, 2], [2, 2]]) }
        #expect(throws: AgreementInputError.notNumeric("low")) {
            try KrippendorffAlpha(units: [["low", "high"]], categories: ["low", "high"], level: .interval)
        }
        #expect(throws: AgreementInputError.notNumeric("inf")) { try KrippendorffAlpha.interval([[1, .infinity]]) }
        #expect(throws: AgreementInputError.unknownCategory("5", item: 0, rater: 1)) {
            try KrippendorffAlpha(units: [[1, 5]], categories: [1, 2], level: .ordinal)
        }
        let message = AgreementInputError.unknownCategory("9", item: 1, rater: 1).description
        #expect(message.contains("item 2") && message.contains("\"9\""))
    }

    // MARK: - Details

    @Test func fleissComponentsAndCountsAgree() throws {
        let ratings = [["a", "a", "b"], ["b", "b", "b"], ["a", "c", "c"], ["a", "a", "a"]]
        let fromRatings = try FleissKappa(ratings: ratings)
        let fromCounts = try FleissKappa(counts: [[2, 1, 0], [0, 3, 0], [1, 0, 2], [3, 0, 0]])
        #expect(fromRatings == fromCounts)
        #expect(fromRatings.items == 4 && fromRatings.ratersPerItem == 3 && fromRatings.categories == 3)
        // P̄ = (1/3 + 1 + 1/3 + 1)/4 = 2/3; shares 6/12, 4/12, 2/12 → P̄ₑ = 56/144.
        #expect(abs(fromRatings.observedAgreement! - 2.0 / 3) < 1e-12)
        #expect(abs(fromRatings.chanceAgreement! - 56.0 / 144) < 1e-12)
        // Unused categories change nothing.
        let wider = try FleissKappa(ratings: ratings, categories: ["a", "b", "c", "d"])
        #expect(abs(wider.kappa! - fromRatings.kappa!) < 1e-12 && wider.categories == 4)
    }

    @Test func shortcutsMatchTheGeneralForm() throws {
        let units: [[Int?]] = [[1, 2, nil], [2, 2, 3], [3, 3, 3], [4, nil, 4], [1, 1, 2]]
        #expect(KrippendorffAlpha.ordinal(units) == (try KrippendorffAlpha(units: units, categories: [1, 2, 3, 4], level: .ordinal)))
        #expect(KrippendorffAlpha.nominal(units).alpha == (try KrippendorffAlpha(units: units, categories: [4, 3, 2, 1], level: .nominal)).alpha)
        let doubles = units.map { $0.map { $0.map(Double.init) } }
        let interval = try KrippendorffAlpha.interval(doubles)
        #expect(abs(interval.alpha! - (try KrippendorffAlpha(units: units, categories: [1, 2, 3, 4], level: .interval)).alpha!) < 1e-12)
        #expect(interval.level == .interval)
        let d = try #require(interval.observedDisagreement), e = try #require(interval.expectedDisagreement)
        #expect(abs(interval.alpha! - (1 - d / e)) < 1e-12)
    }
}
