import Foundation
import MarkbenchEngine
import MarkbenchReports
import MarkbenchXML
import RubricLoader
import Testing

/// Golden files pin every format byte for byte. After an intended change, regenerate with
/// `MARKBENCH_UPDATE_GOLDEN=1 swift test --filter MarkbenchReportsTests` and review the diff.
enum Golden {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    static let dir = root + "/Tests/MarkbenchReportsTests/Golden"
    static let update = ProcessInfo.processInfo.environment["MARKBENCH_UPDATE_GOLDEN"] == "1"

    nonisolated(unsafe) static var engines: [String: MarkingEngine] = [:]
    static let lock = NSLock()

    static func input(sample: String, rubric: String) throws -> ReportInput {
        lock.lock(); defer { lock.unlock() }
        if engines[rubric] == nil {
            let loader = try RubricLoader(schemaPath: root + "/Rubrics/" + RubricLocator.schemaRelativePath)
            let resolver = RubricResolver(loader: loader, shippedDirectory: root + "/Rubrics")
            engines[rubric] = try MarkingEngine(bundle: resolver.bundle(for: rubric))
        }
        let engine = engines[rubric]!
        let relative = "Samples/accounts/" + sample
        let text = try String(contentsOfFile: root + "/" + relative, encoding: .utf8)
        let result = try engine.mark(bytes: Array(text.utf8), name: relative)
        return ReportInput(result: result, text: text, rubric: engine.rubric)
    }

    static func check(_ content: String, name: String) throws {
        let path = dir + "/" + name
        if update {
            try content.write(toFile: path, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOfFile: path, encoding: .utf8)
        #expect(content == expected, "\(name) differs from its golden file; regenerate with MARKBENCH_UPDATE_GOLDEN=1 if intended")
    }

    static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }
}

struct GoldenCase: Sendable, CustomTestStringConvertible {
    var sample: String
    var rubric: String
    var testDescription: String { sample }
}

private let assessorCases = [
    GoldenCase(sample: "service-operations-strong.txt", rubric: "service-operations"),
    GoldenCase(sample: "competitive-tool-weak-we.txt", rubric: "competitive-tool"),
    GoldenCase(sample: "customer-experience-weak-bad-references.md", rubric: "customer-experience"),
]
private let learnerCases = [
    GoldenCase(sample: "service-improvements-weak-hypothetical.txt", rubric: "service-improvements"),
    GoldenCase(sample: "customer-experience-strong.txt", rubric: "customer-experience"),
]

@Suite("Golden reports")
struct GoldenTests {
    @Test("assessor report, every format", arguments: assessorCases)
    func assessor(_ c: GoldenCase) throws {
        let input = try Golden.input(sample: c.sample, rubric: c.rubric)
        let base = c.sample + ".assessor"
        try Golden.check(AssessorTerminalReport.render(input, options: .init(colour: false)), name: base + ".txt")
        try Golden.check(AssessorMarkdownReport.render(input, options: .init()), name: base + ".md")
        try Golden.check(AssessorHTMLReport.render(input, options: .init()), name: base + ".html")
        try Golden.check(Golden.json(input.result), name: base + ".json")
    }

    @Test("learner report, every format", arguments: learnerCases)
    func learner(_ c: GoldenCase) throws {
        let input = try Golden.input(sample: c.sample, rubric: c.rubric)
        let base = c.sample + ".learner"
        try Golden.check(LearnerTerminalReport.render(input, options: .init(colour: false)), name: base + ".txt")
        try Golden.check(LearnerMarkdownReport.render(input, options: .init()), name: base + ".md")
        try Golden.check(LearnerHTMLReport.render(input, options: .init()), name: base + ".html")
        try Golden.check(Golden.json(LearnerFeedback(input)), name: base + ".json")
    }
}

@Suite("HTML reports")
struct HTMLReportTests {
    @Test("well-formed and self-contained", arguments: assessorCases + learnerCases)
    func wellFormed(_ c: GoldenCase) throws {
        let input = try Golden.input(sample: c.sample, rubric: c.rubric)
        for html in [AssessorHTMLReport.render(input, options: .init()), LearnerHTMLReport.render(input, options: .init())] {
            #expect(HTMLChecker.problems(in: html).map(\.description) == [])
            #expect(html.contains("<style>"))
            #expect(!html.contains("<script"))
            #expect(html.contains("@page { size: A4"))
        }
    }

    @Test func checkerCatchesBrokenAndExternalHTML() {
        let broken = "<!DOCTYPE html><html><body><p>unclosed <b>bold</p></i></body></html>"
        #expect(HTMLChecker.problems(in: broken).contains { $0.code == "html.malformed" })
        let external = "<!DOCTYPE html><html><head><script src=\"https://example.com/x.js\"></script></head><body></body></html>"
        #expect(HTMLChecker.problems(in: external).filter { $0.code == "html.not-self-contained" }.count == 2)
    }

    @Test func accountTextIsEscaped() throws {
        var input = try Golden.input(sample: "service-operations-strong.txt", rubric: "service-operations")
        input.text = input.text.replacingOccurrences(of: "I ", with: "<blink>")
        let html = AssessorHTMLReport.render(input, options: .init())
        #expect(!html.contains("<blink>"))
        #expect(html.contains("&lt;blink&gt;"))
    }
}

@Suite("Learner feedback")
struct LearnerFeedbackTests {
    @Test func weakDraftNamesEachMissingCriterionWithANextStep() throws {
        let input = try Golden.input(sample: "service-improvements-weak-hypothetical.txt", rubric: "service-improvements")
        let feedback = LearnerFeedback(input)
        #expect(feedback.verdict == "not ready yet")
        let missing = input.result.criteria.filter { $0.status != .met }.map(\.id)
        #expect(!missing.isEmpty)
        for id in missing {
            let gap = try #require(feedback.evenBetterIf.first { $0.about == id }, "no gap for \(id)")
            #expect(!gap.nextStep.isEmpty)
            #expect(!gap.missing.isEmpty)
        }
        let markdown = LearnerMarkdownReport.render(input, options: .init())
        #expect(markdown.contains("## What went well"))
        #expect(markdown.contains("## Even better if"))
        #expect(!markdown.lowercased().contains("competent"), "learners see ready / not ready, never a grade")
    }

    @Test func strongDraftIsReadyToSubmit() throws {
        let input = try Golden.input(sample: "customer-experience-strong.txt", rubric: "customer-experience")
        let feedback = LearnerFeedback(input)
        #expect(feedback.ready)
        #expect(LearnerTerminalReport.render(input, options: .init()).contains("ready to submit"))
    }

    @Test func colourOnlyWhenAsked() throws {
        let input = try Golden.input(sample: "customer-experience-strong.txt", rubric: "customer-experience")
        #expect(!AssessorTerminalReport.render(input, options: .init(colour: false)).contains("\u{1B}["))
        #expect(AssessorTerminalReport.render(input, options: .init(colour: true)).contains("\u{1B}["))
    }
}
