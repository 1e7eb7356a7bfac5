import MarkbenchQA
import Testing

@Suite("Agreement statistics")
struct AgreementTests {
    @Test func cohensKappaKnownValue() {
        // From the domain notes (checked against scikit-learn's cohen_kappa_score): .7222.
        let a = [1, 2, 3, 3, 2, 1, 4, 1, 2, 3], b = [1, 2, 3, 3, 2, 2, 4, 1, 2, 2]
        let agreement = Agreement.cohen(a, b)
        #expect(agreement.agreed == 8)
        #expect(abs(agreement.percent - 0.8) < 1e-12)
        #expect(abs(agreement.kappa! - 0.722222222222) < 1e-9)
    }

    @Test func perfectAgreement() {
        let a = Agreement.cohen(["x", "y", "x"], ["x", "y", "x"])
        #expect(a.kappa == 1)
    }

    @Test func singleCategoryHasNoKappa() {
        // Chance agreement is 1, so κ is undefined rather than a division by zero.
        let a = Agreement.cohen([true, true, true], [true, true, true])
        #expect(a.kappa == nil)
        #expect(a.percent == 1)
    }

    @Test func noItems() {
        let a = Agreement.cohen([Int](), [Int]())
        #expect(a.items == 0)
        #expect(a.kappa == nil)
    }

    @Test func worseThanChanceIsNegative() {
        let a = Agreement.cohen([1, 0, 1, 0], [0, 1, 0, 1])
        #expect(a.kappa! < 0)
    }
}
