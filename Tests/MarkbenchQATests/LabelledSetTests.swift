import Foundation
import MarkbenchEngine
import MarkbenchQA
import RubricLoader
import Testing

private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path
private let devSet = root + "/../shared/dev-set"
private let hasDevSet = FileManager.default.fileExists(atPath: devSet + "/labels.json")

private func engines() throws -> (RubricResolver, [String: MarkingEngine]) {
    let loader = try RubricLoader(schemaPath: root + "/Rubrics/" + RubricLocator.schemaRelativePath)
    let resolver = RubricResolver(loader: loader, shippedDirectory: root + "/Rubrics")
    var out: [String: MarkingEngine] = [:]
    for id in resolver.catalogue.rubricIDs { out[id] = try MarkingEngine(bundle: resolver.catalogue.bundle(for: id)!) }
    return (resolver, out)
}

/// The expert-labelled dev-set: a regression guard on agreement (the figures in the README).
@Suite("Dev-set agreement")
struct DevSetTests {
    @Test(.enabled(if: hasDevSet, "needs ../shared/dev-set"))
    func agreementStaysHigh() throws {
        let (resolver, engines) = try engines()
        let labels = try AccountLabels.load(try Data(contentsOf: URL(fileURLWithPath: devSet + "/labels.json")))
        var results: [(file: String, result: MarkingResult)] = []
        for label in labels {
            let id = try #require(resolver.catalogue.rubricIDs.first { id in
                resolver.catalogue.rubrics[id]!.rubric.unit.sources.contains { $0.hasPrefix(label.unit_seed + "_") }
            })
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: devSet + "/" + label.file)))
            results.append((label.file, try engines[id]!.mark(bytes: bytes, name: label.file)))
        }
        let evaluation = LabelledSetEvaluation(results: results, labels: labels)
        let field = Dictionary(evaluation.fields.map { ($0.name, $0.agreement) }, uniquingKeysWith: { a, _ in a })
        #expect(evaluation.accounts == 24)
        #expect(try #require(field["overall decision"]).percent >= 0.9)
        #expect(try #require(field["criteria"]?.kappa) >= 0.8)
        #expect(try #require(field["STAR (all parts)"]?.kappa) >= 0.7)
        #expect(try #require(field["ownership"]).percent >= 0.85)
    }
}

/// The project's own samples: each gets the decision its author intended.
@Suite("Sample accounts")
struct SampleTests {
    struct Expected: Decodable {
        var file: String
        var rubric: String
        var decision: String
        var criteria: [String: Bool]
    }

    @Test func samplesGetTheirIntendedDecisions() throws {
        let (_, engines) = try engines()
        let data = try Data(contentsOf: URL(fileURLWithPath: root + "/Samples/accounts/expected.json"))
        let expected = try JSONDecoder().decode([Expected].self, from: data)
        #expect(expected.count >= 16)
        var decisions = 0, criteria = 0, criteriaTotal = 0
        for e in expected {
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: root + "/Samples/accounts/" + e.file)))
            let r = try #require(engines[e.rubric]).mark(bytes: bytes, name: e.file)
            if r.decision.outcome.rawValue == e.decision.replacingOccurrences(of: " ", with: "-") { decisions += 1 }
            if e.file.contains("-weak-") { #expect(r.decision.outcome == .notYetCompetent, "\(e.file)") }
            for c in r.criteria {
                criteriaTotal += 1
                if (c.status == .met) == e.criteria[c.id] { criteria += 1 }
            }
        }
        // Every weak sample must be not yet competent; overall agreement is a floor, raised as the rubrics improve.
        #expect(Double(decisions) / Double(expected.count) >= 0.9)
        #expect(Double(criteria) / Double(criteriaTotal) >= 0.9)
    }
}
