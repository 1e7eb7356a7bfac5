import MarkbenchEngine
import Testing

@Suite("Rules and decision")
struct RuleEvaluatorTests {
    @Test func sentenceScopeNeedsOwnActionInTheSameSentence() throws {
        let met = try EngineFixtures.mark("I ran a survey of 50 customers.")
        #expect(met.criteria.first { $0.id == "1.1" }?.status == .met)
        let split = try EngineFixtures.mark("We had a survey of 50 customers. I read it.")
        #expect(split.criteria.first { $0.id == "1.1" }?.status == .partlyMet)
    }

    @Test func anyGroupAndComparison() throws {
        let r = try EngineFixtures.mark("After I changed the rota, waiting time fell from 14 to 5 minutes.")
        let c = try #require(r.criteria.first { $0.id == "1.2" })
        #expect(c.status == .met)
        #expect(c.evidence.first?.quote == "After I changed the rota, waiting time fell from 14 to 5 minutes.")
        #expect(c.rules.first?.conditions.allSatisfy(\.holds) == true)
    }

    @Test func minUnitsCountsSeparateSentences() throws {
        #expect(try EngineFixtures.mark("I sent a survey.").criteria.first { $0.id == "1.3" }?.status == .partlyMet)
        #expect(try EngineFixtures.mark("I sent a survey. I also read every feedback card.").criteria.first { $0.id == "1.3" }?.status == .met)
    }

    @Test func forbidStopsAMistakeRule() throws {
        let only = try EngineFixtures.mark("A complaint came in. Another complaint. A third complaint.")
        #expect(only.findings.contains { $0.mistakeID == "CM1" && $0.severity == .major })
        let fixed = try EngineFixtures.mark("A complaint came in. Another complaint. A third complaint led to a proactive improvement.")
        #expect(!fixed.findings.contains { $0.mistakeID == "CM1" })
    }

    @Test func hypotheticalSentencesNeverEvidence() throws {
        let r = try EngineFixtures.mark("I would run a survey of 50 customers.")
        #expect(r.criteria.first { $0.id == "1.1" }?.status != .met)
    }

    @Test func exactPhrasesDoNotStem() throws {
        // "NPS" is stem="false": matched exactly, case-folded.
        let engine = try EngineFixtures.engine()
        let n = engine.makeNormaliser()!
        #expect(engine.matches(concept: .init(lexicon: nil, concept: "nps-exact"), in: "Our NPS rose.", normaliser: n)?.count == 1)
        #expect(engine.matches(concept: .init(lexicon: nil, concept: "nps-exact"), in: "Our NP rose.", normaliser: n)?.count == 0)
    }

    @Test func usSpellingsMatchUKPhrases() throws {
        let engine = try EngineFixtures.engine()
        let n = engine.makeNormaliser()!
        #expect(engine.matches(concept: .init(lexicon: nil, concept: "feedback"), in: "I analyzed the Surveys.", normaliser: n)?.count == 1)
    }

    @Test func competentNeedsEverythingAndOwnRole() throws {
        let strong = try EngineFixtures.mark("""
            I work on reception at the Harrogate branch of Dale Dental. In March I was asked to cut waiting.
            I ran a survey of 50 customers. I also read every feedback card.
            After I changed the rota, waiting time fell from 14 to 5 minutes.
            I learned that asking customers works.
            """)
        #expect(strong.decision.outcome == .competent, "\(strong.decision.conditions)")
        let we = try EngineFixtures.mark("""
            We work on reception at the Harrogate branch of Dale Dental. We ran a survey. We read every feedback card.
            We changed the rota and waiting time fell from 14 to 5 minutes. We learned a lot. We set targets. We met them.
            """)
        #expect(we.decision.outcome == .notYetCompetent)
        #expect(we.ownership.verdict == .we)
        #expect(we.findings.contains { $0.ruleID == "builtin.ownership.we-only" })
    }

    @Test func legislationWithTheWrongYear() throws {
        let r = try EngineFixtures.mark("I checked the Consumer Rights Act 2016 and the Equality Act 2010 with my manager.")
        let wrong = r.findings.filter { $0.ruleID == "builtin.legislation.wrong-year" }
        #expect(wrong.count == 1)
        #expect(wrong.first?.message.contains("2015") == true)
        #expect(wrong.first?.evidence?.quote == "Consumer Rights Act")
    }

    @Test func sameInputSameBytes() throws {
        let text = try String(contentsOfFile: EngineFixtures.root + "/Samples/accounts/service-operations-strong.txt", encoding: .utf8)
        let a = try JSON.encode(EngineFixtures.mark(text, rubric: "service-operations"))
        let b = try JSON.encode(EngineFixtures.mark(text, rubric: "service-operations"))
        #expect(a == b)
        #expect(a.contains("\"schemaVersion\" : \"1.1\""))
    }
}

import Foundation
enum JSON {
    static func encode<T: Encodable>(_ v: T) throws -> String {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try e.encode(v), as: UTF8.self)
    }
}

@Suite("Borderline criteria in the decision")
struct BorderlineDecisionTests {
    static let text = """
        I work on reception at the Harrogate branch of Dale Dental. In March I was asked to cut waiting.
        The practice ran a survey of 50 patients. The practice also read every feedback card.
        I briefed the team in April. I changed the rota the week after. After that, waiting time fell from 14 to 5 minutes.
        I learned that asking customers works.
        """

    @Test func oneBorderlineCriterionCountsOnlyWhenTheRuleAllowsIt() throws {
        let strict = try EngineFixtures.mark(Self.text)
        let c = try #require(strict.criteria.first { $0.id == "1.1" })
        #expect(c.status == .partlyMet)
        #expect(c.rules.first?.conditions.filter { !$0.holds }.count == 1)
        #expect(strict.decision.outcome == .notYetCompetent)

        let fixture = try String(contentsOfFile: EngineFixtures.fixture, encoding: .utf8)
            .replacingOccurrences(of: "<criteria ids=\"all\"/>", with: "<criteria ids=\"all\" allowBorderline=\"1\"/>")
        let path = NSTemporaryDirectory() + "borderline-\(UUID().uuidString).xml"
        try fixture.write(toFile: path, atomically: true, encoding: .utf8)
        let lenient = try EngineFixtures.mark(Self.text, rubric: path)
        #expect(lenient.decision.outcome == .competent, "\(lenient.decision.conditions)")
        #expect(lenient.decision.confidence.level == .low)
        #expect(lenient.decision.conditions.first?.detail.contains("1.1 is borderline") == true)
    }
}
