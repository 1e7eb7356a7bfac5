import Foundation
import MarkbenchIQA
import MarkbenchQA
import MarkbenchXML
import Testing

private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path

private func record(_ learner: String, _ criterion: String?, _ assessor: String, _ role: RaterRole, _ decision: String,
                    date: String = "2026-10-01") -> DecisionRecord {
    DecisionRecord(learner: learner, unit: "service-operations", criterion: criterion, assessor: assessor, role: role,
                   decision: decision, method: "observation", evidence: nil, site: "Leeds", date: date,
                   assessorStatus: role == .assessor ? .experienced : nil, candidateGroup: nil, line: 1)
}

@Suite("Consistency report")
struct ConsistencyTests {
    @Test func pairKappaMatchesCohen() {
        let a = ["competent", "competent", "not yet competent", "competent", "not yet competent", "not yet competent"]
        let b = ["competent", "not yet competent", "not yet competent", "competent", "not yet competent", "competent"]
        var records: [DecisionRecord] = []
        for i in a.indices {
            records.append(record("L\(i)", "1.1", "Ann", .assessor, a[i]))
            records.append(record("L\(i)", "1.1", "engine", .engine, b[i]))
        }
        let report = ConsistencyReport(records: records, seed: 1, resamples: 200)
        let pair = try! #require(report.pairs.first)
        #expect(pair.raterA == "Ann" && pair.raterB == "engine")
        #expect(pair.items == 6)
        #expect(pair.kappa == Agreement.cohen(a, b).kappa)
        #expect(report.leniency.first?.difference == 0)
    }

    @Test func theSampleFilesLenientAssessorIsFlagged() throws {
        let (records, problems) = try DecisionRecords.read(root + "/Samples/qa/records.csv")
        #expect(problems.isEmpty)
        let report = ConsistencyReport(records: records, seed: 2026, resamples: 300)
        let joanne = try #require(report.leniency.first { $0.assessor == "Joanne Fletcher" && $0.against == "engine" })
        #expect(joanne.difference >= ConsistencyReport.leniencyLimit)
        #expect(report.flags.contains { $0.assessor == "Joanne Fletcher" && $0.message.contains("more of the same criteria than the engine") })
        #expect(report.flags.contains { $0.message.contains("drifting") })
        // Nobody else is flagged as lenient against the engine.
        #expect(!report.flags.contains { $0.assessor == "Marcus Bell" })
        #expect(report.manyRaters.alphaNominal != nil)
    }

    @Test func sameSeedSameReport() throws {
        let (records, _) = try DecisionRecords.read(root + "/Samples/qa/records.csv")
        let a = try ConsistencyReport(records: records, seed: 7, resamples: 200).json()
        let b = try ConsistencyReport(records: records, seed: 7, resamples: 200).json()
        #expect(a == b)
    }

    @Test func htmlIsWellFormedWithThreeCharts() throws {
        let (records, _) = try DecisionRecords.read(root + "/Samples/qa/records.csv")
        let html = ConsistencyReport(records: records, seed: 2026, resamples: 200).html()
        #expect(HTMLChecker.problems(in: html).map(\.description) == [])
        #expect(html.components(separatedBy: "<svg ").count - 1 == 3)
        #expect(!html.contains("<script"))
    }

    @Test func engineDecisionsFromACohortSummary() throws {
        let json = """
            {"learners": [
              {"learner": "Ann", "unit": "service-operations", "status": "marked", "decision": "competent",
               "criteria": [{"id": "1.1", "status": "met"}, {"id": "1.2", "status": "partly-met"}]},
              {"learner": "Ben", "unit": "service-operations", "status": "failed"}
            ]}
            """
        let path = NSTemporaryDirectory() + "summary-\(UUID().uuidString).json"
        try json.write(toFile: path, atomically: true, encoding: .utf8)
        let records = try EngineDecisions.read(path)
        #expect(records.map { $0.criterion ?? "overall" } == ["overall", "1.1", "1.2"])
        #expect(records.map(\.decision) == ["competent", "competent", "not yet competent"])
        #expect(records.allSatisfy { $0.role == .engine })
        #expect(EngineDecisions.overall(records)[LearnerUnit(learner: "Ann", unit: "service-operations")] == "competent")
    }
}
