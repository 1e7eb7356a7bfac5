import Foundation
import MarkbenchDiagnostics
import RubricLoader
import RubricModel
import Testing

/// One broken rubric from Fixtures/broken and the first error it must produce.
struct BrokenCase: CustomTestStringConvertible, Sendable {
    let file: String
    let code: String
    let line: Int
    let column: Int
    let message: String
    var testDescription: String { file }
}

private let brokenCases: [BrokenCase] = [
    BrokenCase(file: "malformed-unclosed", code: "xml.malformed", line: 4, column: 56,
               message: "Opening and ending tag mismatch: title line 4 and titel"),
    BrokenCase(file: "wrong-namespace", code: "schema.invalid", line: 2, column: 1,
               message: "element <rubric>: No matching global declaration available for the validation root"),
    BrokenCase(file: "missing-required-element", code: "schema.invalid", line: 5, column: 5,
               message: "element <level>: This element is not expected. Expected is ( <qualification> )"),
    BrokenCase(file: "bad-attribute-value", code: "schema.invalid", line: 68, column: 41,
               message: "element <rule>, attribute 'scope': the value 'chapter' is not an element of the set {'sentence', 'paragraph', 'document'}"),
    BrokenCase(file: "bad-level", code: "schema.invalid", line: 6, column: 5,
               message: "element <level>: 'two' is not a valid value of the local atomic type"),
    BrokenCase(file: "unknown-signal", code: "schema.invalid", line: 64, column: 16,
               message: "element <require>, attribute 'signal': the value 'vibes' is not an element of the set {'own-action', 'we-action', 'first-person', 'hypothetical', 'measured', 'comparison', 'specific-context', 'generic', 'reflection', 'star-situation', 'star-task', 'star-action', 'star-result', 'criterion-reference'}"),
    BrokenCase(file: "format-version", code: "schema.invalid", line: 2, column: 40,
               message: "element <rubric>, attribute 'formatVersion': the value '2' is not an element of the set {'1'}"),
    BrokenCase(file: "duplicate-id", code: "rubric.duplicate-id", line: 20, column: 7,
               message: "duplicate criterion or marking point id '1.1' (first defined at line 17)"),
    BrokenCase(file: "dangling-marking-point", code: "rubric.unknown-criterion", line: 26, column: 5,
               message: "marking point MP1 supports criterion '1.9', which the rubric does not define"),
    BrokenCase(file: "dangling-rule-target", code: "rubric.unknown-criterion", line: 68, column: 5,
               message: "rule R1.2 evidences 'MP7', which the rubric does not define"),
    BrokenCase(file: "unknown-mistake", code: "rubric.unknown-mistake", line: 76, column: 5,
               message: "rule M-negative flags mistake 'CM9', which the rubric does not define"),
    BrokenCase(file: "unknown-lexicon", code: "rubric.unknown-lexicon", line: 12, column: 5,
               message: "the rubric uses lexicon 'kpis', which was not found"),
    BrokenCase(file: "undeclared-lexicon", code: "rubric.unknown-lexicon", line: 63, column: 7,
               message: "concept 'models:kano' names lexicon 'models', which was not found"),
    BrokenCase(file: "unknown-concept", code: "rubric.unknown-concept", line: 63, column: 7,
               message: "unknown concept 'procedur'"),
    BrokenCase(file: "empty-concept", code: "rubric.empty-concept", line: 48, column: 5,
               message: "concept 'procedure' has no phrases"),
    BrokenCase(file: "empty-phrase", code: "rubric.empty-phrase", line: 50, column: 7,
               message: "a phrase of concept 'procedure' has no words"),
    BrokenCase(file: "decision-names-nothing", code: "rubric.decision-empty", line: 86, column: 7,
               message: "the decision rule names no criteria"),
    BrokenCase(file: "decision-unknown-criterion", code: "rubric.unknown-criterion", line: 86, column: 7,
               message: "the decision rule names criterion '1.7', which the rubric does not define"),
    BrokenCase(file: "example-unknown-rule", code: "rubric.unknown-rule", line: 92, column: 5,
               message: "the example names rule 'R9.9', which the rubric does not define"),
    BrokenCase(file: "unknown-command-word", code: "rubric.unknown-command-word", line: 17, column: 7,
               message: "unknown command word 'ponder'"),
    BrokenCase(file: "bad-condition", code: "rubric.bad-condition", line: 72, column: 7,
               message: "a condition must name exactly one of concept=\"…\" or signal=\"…\""),
    BrokenCase(file: "include-cycle", code: "rubric.include-cycle", line: 43, column: 5,
               message: "concept 'complaint' includes itself (directly or through other concepts)"),
]

@Suite("Broken rubrics")
struct BrokenRubricTests {
    @Test("the valid fixture has no errors")
    func validFixtureIsClean() throws {
        let diagnostics = try Fixtures.diagnostics(for: Repo.fixtures + "/valid-rubric.xml")
        #expect(diagnostics.filter { $0.severity == .error } == [])
    }

    @Test("each broken rubric gives its exact error, line and column", arguments: brokenCases)
    func brokenRubric(_ c: BrokenCase) throws {
        let path = Repo.fixtures + "/broken/\(c.file).xml"
        let errors = try Fixtures.diagnostics(for: path).filter { $0.severity == .error }
        let first = try #require(errors.first, "\(c.file) should fail")
        #expect(first.code == c.code)
        #expect(first.message == c.message)
        #expect(first.location == SourceLocation(file: path, line: c.line, column: c.column))
        #expect(first.hint?.isEmpty == false, "every error says what to do")
    }

    @Test("the corpus covers at least 15 kinds of problem")
    func corpusIsBroad() {
        #expect(Set(brokenCases.map(\.code)).count >= 12)
        #expect(brokenCases.count >= 15)
        let files = RubricCatalogue.xmlFiles(in: Repo.fixtures + "/broken").map { ($0 as NSString).lastPathComponent }
        #expect(Set(files) == Set(brokenCases.map { $0.file + ".xml" }), "every fixture file has an expectation")
    }

    @Test("validation reports every problem, not just the first")
    func reportsAllProblems() throws {
        let base = try String(contentsOfFile: Repo.fixtures + "/valid-rubric.xml", encoding: .utf8)
        let broken = base
            .replacingOccurrences(of: "<markingPoint id=\"MP1\" supports=\"1.2\">", with: "<markingPoint id=\"MP1\" supports=\"1.8\">")
            .replacingOccurrences(of: "flags=\"CM1\"", with: "flags=\"CM4\"")
            .replacingOccurrences(of: "<criterion id=\"1.1\" commandWord=\"describe\">", with: "<criterion id=\"1.1\" commandWord=\"muse\">")
        let path = Fixtures.temporaryFile(Array(broken.utf8))
        let report = RubricValidation.validate(files: [path], loader: try Fixtures.loader(), shippedLexicons: try Fixtures.lexicons())
        let codes = report.diagnostics.filter { $0.severity == .error }.map(\.code)
        #expect(codes.sorted() == ["rubric.unknown-command-word", "rubric.unknown-criterion", "rubric.unknown-mistake"])
        #expect(report.hasErrors)
    }

    @Test("a rule without examples is a warning, not an error")
    func missingExamplesWarn() throws {
        let base = try String(contentsOfFile: Repo.fixtures + "/valid-rubric.xml", encoding: .utf8)
        let text = base.replacingOccurrences(
            of: "<example expect=\"fail\">The complaint was resolved.</example>", with: "")
        let path = Fixtures.temporaryFile(Array(text.utf8))
        let diagnostics = try Fixtures.diagnostics(for: path)
        #expect(diagnostics.map(\.code) == ["rubric.rule-without-examples"])
        #expect(diagnostics.first?.severity == .warning)
    }
}
