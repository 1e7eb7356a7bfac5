import Foundation
@testable import MarkbenchBatch
import MarkbenchEngine
import RubricLoader
import Testing

private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path

private func engines() throws -> [String: MarkingEngine] {
    let loader = try RubricLoader(schemaPath: root + "/Rubrics/" + RubricLocator.schemaRelativePath)
    let resolver = RubricResolver(loader: loader, shippedDirectory: root + "/Rubrics")
    var out: [String: MarkingEngine] = [:]
    for id in resolver.catalogue.rubricIDs { out[id] = try MarkingEngine(bundle: resolver.catalogue.bundle(for: id)!) }
    return out
}

private func tempFolder() throws -> String {
    let dir = NSTemporaryDirectory() + "markbench-batch-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    return dir
}

@Suite("Manifest")
struct ManifestTests {
    @Test func goodAndBadRowsWithRowNumbers() {
        let csv = """
            learner,unit,file,assessor,assessor_decision,date
            Ann,service-operations,a.txt,Raj,competent,2026-10-01
            Ben,nonsense,b.txt,Raj,competent,2026-10-02
            ,service-operations,c.txt,Raj,,2026-10-03
            Cat,service-operations,"d, with comma.txt",Raj,maybe,2026-13-01
            Dee,service-operations,e.txt,,NYC,
            """
        let (subs, problems) = Manifest.parse(csv, file: "/m/manifest.csv", knownUnits: ["service-operations"])
        #expect(subs.map(\.learner) == ["Ann", "Cat", "Dee"])
        #expect(subs[1].path == "/m/d, with comma.txt")
        #expect(subs[1].assessorDecision == nil)
        #expect(subs[2].assessorDecision == "not yet competent")
        #expect(problems.map(\.code) == ["manifest.unknown-unit", "manifest.missing-value", "manifest.bad-decision", "manifest.bad-date"])
        #expect(problems.map(\.location.line) == [3, 4, 5, 5])
        #expect(problems.allSatisfy { $0.hint != nil && $0.location.file == "/m/manifest.csv" })
    }

    @Test func missingColumns() {
        let (subs, problems) = Manifest.parse("name,unit\nAnn,x\n", file: "m.csv", knownUnits: ["x"])
        #expect(subs.isEmpty)
        #expect(problems.first?.code == "manifest.missing-column")
        #expect(problems.first?.message == "the header lacks learner, file")
    }
}

@Suite("Batch marking")
struct BatchTests {
    @Test func aBadFileIsReportedAndTheRestAreMarked() async throws {
        let dir = try tempFolder()
        let samples = root + "/Samples/accounts/"
        try FileManager.default.copyItem(atPath: samples + "service-operations-strong.txt", toPath: dir + "/ann.txt")
        try FileManager.default.copyItem(atPath: samples + "service-operations-weak-generic.txt", toPath: dir + "/ben.txt")
        try Data([0x25, 0x50, 0x44, 0x46, 0x2D, 0x31]).write(to: URL(fileURLWithPath: dir + "/cat.pdf"))
        let submissions = ["ann.txt", "cat.pdf", "ben.txt"].map {
            Submission(learner: String($0.prefix(3)), unit: "service-operations", path: dir + "/" + $0,
                       assessorDecision: "competent")
        }
        let out = dir + "/out"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let outcomes = await BatchRunner(engines: try engines()).run(
            submissions, options: BatchOptions(jobs: 2, formats: [.json, .html], outputDirectory: out))
        #expect(outcomes.map(\.learner) == ["ann", "cat", "ben"])
        #expect(outcomes.map(\.status) == ["marked", "failed", "marked"])
        #expect(outcomes[1].error?.contains("PDF") == true)
        #expect(outcomes[0].decision == "competent")
        #expect(outcomes[2].decision == "not-yet-competent")
        #expect(outcomes[0].reports.count == 2)
        #expect(FileManager.default.fileExists(atPath: out + "/ann-service-operations-strong.json") == false)
        #expect(FileManager.default.fileExists(atPath: out + "/ann.json"))

        // A second run does not overwrite without force.
        let again = await BatchRunner(engines: try engines()).run(
            [submissions[0]], options: BatchOptions(jobs: 1, formats: [.json], outputDirectory: out))
        #expect(again[0].reports.isEmpty)
        #expect(again[0].error?.contains("already exists") == true)

        let summary = CohortSummary(outcomes: outcomes, rubrics: try engines().mapValues(\.rubric))
        #expect(summary.submissions == 3)
        #expect(summary.marked == 2)
        #expect(summary.failed == 1)
        #expect(summary.disagreements.map(\.learner) == ["ben"])
        #expect(summary.coverage.count == 4)
        #expect(summary.coverage.allSatisfy { $0.marked == 2 })
        let csv = try summary.csv()
        #expect(csv.hasPrefix("learner,unit,file,status,engine_decision,assessor,assessor_decision,agrees,criteria_met,criteria_total,"))
        #expect(csv.split(whereSeparator: \.isNewline).count == 4)
        let html = summary.html()
        #expect(html.contains("<table class=\"heat\">"))
        #expect(!html.contains("<script"))
    }

    @Test func parallelAndSerialGiveTheSameOutcomes() async throws {
        let samples = try FileManager.default.contentsOfDirectory(atPath: root + "/Samples/accounts").filter { $0.hasSuffix(".txt") }.sorted()
        let submissions = samples.map { name in
            Submission(learner: name, unit: String(name.split(separator: "-").prefix(2).joined(separator: "-")),
                       path: root + "/Samples/accounts/" + name)
        }
        let e = try engines()
        let one = await BatchRunner(engines: e).run(submissions, options: BatchOptions(jobs: 1, formats: []))
        let two = await BatchRunner(engines: e).run(submissions, options: BatchOptions(jobs: 2, formats: []))
        #expect(one == two)
        #expect(one.allSatisfy { $0.status == "marked" })
    }
}

@Suite("Portfolio")
struct PortfolioTests {
    @Test func matrixAndUncovered() throws {
        let e = try engines()
        let files = [root + "/Samples/accounts/service-operations-strong.txt", root + "/Samples/accounts/competitive-tool-strong.md"]
        let matrix = PortfolioMatrix(files: files, engines: [("service-operations", e["service-operations"]!),
                                                             ("competitive-tool", e["competitive-tool"]!)])
        #expect(matrix.columns.count == 4 + 3)
        #expect(matrix.rows.count == 2)
        #expect(matrix.rows.allSatisfy { $0.statuses.count == 7 })
        // Each strong account covers its own unit.
        #expect(Array(matrix.rows[0].statuses.prefix(4)) == ["met", "met", "met", "met"])
        #expect(Array(matrix.rows[1].statuses.suffix(3)) == ["met", "met", "met"])
        #expect(matrix.uncovered.isEmpty)
        #expect(matrix.table().contains("Every criterion of every unit is evidenced"))
    }
}

@Suite("Cohort summary streaming")
struct CohortStreamingTests {
    @Test func spooledAndInMemorySummariesAreIdentical() throws {
        let outcomes = (0..<50).map { i in
            SubmissionOutcome(learner: "L\(i)", unit: "service-operations", file: "f\(i).txt", assessor: "A",
                              assessorDecision: i % 3 == 0 ? "competent" : "not yet competent", date: nil,
                              status: i == 7 ? "failed" : "marked", error: i == 7 ? "f7.txt: broken" : nil,
                              decision: i % 2 == 0 ? "competent" : "not-yet-competent",
                              criteria: [.init(id: "1.1", status: i % 2 == 0 ? "met" : "not-met")], findings: ["R\(i % 4)"], reports: [])
        }
        let rubrics = try engines().mapValues(\.rubric)
        let memory = CohortSummary(outcomes: outcomes, rubrics: rubrics)
        let spoolPath = NSTemporaryDirectory() + "spool-\(UUID().uuidString).jsonl"
        defer { try? FileManager.default.removeItem(atPath: spoolPath) }
        let builder = CohortSummary.Builder(rubrics: rubrics, spool: spoolPath)
        // Outcomes arrive out of order, as they do from parallel workers.
        for i in outcomes.indices.reversed() { builder.add(index: i, outcome: outcomes[i]) }
        let spooled = builder.finish()
        #expect(try spooled.csv() == memory.csv())
        #expect(try spooled.json() == memory.json())
        #expect(spooled.html() == memory.html())
        #expect(spooled.learners.map(\.learner) == outcomes.map(\.learner))
        let json = try JSONSerialization.jsonObject(with: Data(try spooled.json().utf8)) as? [String: Any]
        #expect((json?["learners"] as? [Any])?.count == 50)
        #expect(spooled.failed == 1)
    }
}
