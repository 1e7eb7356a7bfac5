@testable import MarkbenchEngine
import MarkbenchText
import RubricModel
import Testing

/// Signals the engine computes per sentence, on the tricky sentences reflective accounts are full of.
@Suite("Sentence signals")
struct SignalTests {
    private func facts(_ text: String) throws -> [SentenceFacts] {
        let engine = try EngineFixtures.engine()
        let doc = TextDocument(text: text, name: "t", normaliser: engine.makeNormaliser()!)
        return AccountAnalysis(doc: doc, compiled: engine.compiled).facts
    }

    private func signals(_ text: String) throws -> SignalSet { try facts(text)[0].signals }

    @Test func habitualPastWouldIsRealWork() throws {
        let f = try facts("Last spring I set up a feedback log. Each Monday I would pull the complaints log into one spreadsheet.")
        #expect(f[1].signals.has(.ownAction))
        #expect(!f[1].signals.has(.hypothetical))
        // Without any past narrative around it, the same "would" is what would be done.
        let alone = try signals("Each Monday I would pull the complaints log into one spreadsheet.")
        #expect(alone.has(.hypothetical))
        #expect(!alone.has(.ownAction))
    }

    @Test func hypotheticalWouldIsNot() throws {
        let f = try facts("I would introduce a survey and I should train the team.")[0]
        #expect(f.signals.has(.hypothetical))
        #expect(!f.signals.has(.ownAction))
        #expect(f.hypotheticalOnly)
    }

    @Test func futureWillIsHypothetical() throws {
        let f = try facts("Next month I will monitor the waiting times.")[0]
        #expect(f.signals.has(.hypothetical))
        #expect(!f.signals.has(.ownAction))
    }

    @Test func conditionalPlanWithPastTenseStillCounts() throws {
        let f = try facts("I agreed that if a crew broke down, the coordinator would phone the customer.")[0]
        #expect(f.signals.has(.ownAction))
        #expect(!f.hypotheticalOnly)
    }

    @Test func weIsNotI() throws {
        let s = try signals("We set up a new rota and we trained the staff.")
        #expect(s.has(.weAction))
        #expect(!s.has(.ownAction))
    }

    @Test func mentalVerbsAreNotActions() throws {
        let s = try signals("I think the queue was too long.")
        #expect(!s.has(.ownAction))
        #expect(s.has(.firstPerson))
    }

    @Test func contractionsKeepTheSubject() throws {
        #expect(try signals("I’ve rewritten the rota since then.").has(.ownAction))
        #expect(try signals("I'd suggest a new form.").has(.hypothetical))
    }

    @Test func measuredAndComparison() throws {
        let s = try signals("Average waiting time fell from 14 minutes to 5, and sales rose 12.5% to £1,200.")
        #expect(s.has(.measured))
        #expect(s.has(.comparison))
    }

    @Test func yearsAndReferencesAreNotMeasures() throws {
        let f = try facts("Under the Consumer Rights Act 2015 I explained refunds in 2023 (AC 1.2).")[0]
        #expect(f.measures.isEmpty)
        #expect(!f.signals.has(.measured))
        #expect(f.signals.has(.criterionReference))
    }

    @Test func specificVersusGeneric() throws {
        #expect(try signals("Last spring I worked at the Brighouse branch of Calder Supplies.").has(.specificContext))
        let generic = try signals("Organisations should always listen to their customers.")
        #expect(generic.has(.generic))
        #expect(!generic.has(.specificContext))
    }

    @Test func reflection() throws {
        #expect(try signals("If I did it again I would involve the yard team from the start.").has(.reflection))
        #expect(try signals("I learned that asking customers directly works best.").has(.reflection))
        #expect(!(try signals("I phoned 27 customers.").has(.reflection)))
    }
}
