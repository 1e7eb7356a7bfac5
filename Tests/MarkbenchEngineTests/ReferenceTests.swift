@testable import MarkbenchEngine
import MarkbenchText
import Testing

@Suite("Criterion references")
struct ReferenceTests {
    private func refs(_ text: String) throws -> [[String]] {
        let engine = try EngineFixtures.engine()
        let doc = TextDocument(text: text, name: "t", normaliser: engine.makeNormaliser()!)
        return ReferenceParser.parse(doc).map(\.ids)
    }

    @Test(arguments: [
        ("This shows AC 1.2 clearly.", [["1.2"]]),
        ("This shows AC1.2 clearly.", [["1.2"]]),
        ("I set up cards (1.1).", [["1.1"]]),
        ("Covers 1.1–1.3 in full.", [["1.1", "1.2", "1.3"]]),
        ("Covers 1.1-1.3 in full.", [["1.1", "1.2", "1.3"]]),
        ("This covers criteria 1.1 and 1.4.", [["1.1", "1.4"]]),
        ("See AC 1.1, 1.2 and AC 1.3.", [["1.1", "1.2", "1.3"]]),
        ("This is LO1 evidence.", [["LO1"]]),
        ("Our score went from 4.1 to 4.5 stars.", []),
        ("Sales rose 2.5% (2.5%) in No. 4 branch.", []),
        ("It took 12.5 hours.", []),
    ])
    func parses(_ text: String, _ expected: [[String]]) throws {
        #expect(try refs(text) == expected)
    }

    @Test func existenceAndSupport() throws {
        let result = try EngineFixtures.mark("""
            Feedback (AC 1.1)
            I ran a survey of 40 customers at our Leeds branch.

            Results (AC 1.2, AC 1.6)
            Nothing else to say here.
            """)
        let targets = result.references.flatMap(\.targets)
        #expect(targets.map(\.id) == ["1.1", "1.2", "1.6"])
        #expect(targets.map(\.exists) == [true, true, false])
        #expect(targets.map(\.supported) == [true, false, false])
        #expect(result.findings.contains { $0.ruleID == "builtin.reference.unknown" && $0.message.contains("1.6") })
        #expect(result.findings.contains { $0.ruleID == "builtin.reference.unsupported" && $0.criterionID == "1.2" })
    }
}
