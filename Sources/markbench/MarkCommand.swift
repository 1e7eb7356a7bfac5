import ArgumentParser
import Foundation
import MarkbenchDiagnostics
import MarkbenchEngine
import MarkbenchReports
import RubricLoader

struct MarkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mark",
        abstract: "Pre-mark accounts for an assessor: decision grid, quoted evidence, flags.",
        discussion: """
            Reports come as terminal diagnostics, Markdown or self-contained HTML (with a space for the
            assessor's own decision), or JSON (docs/report-json.md). A file that cannot be read is
            reported and skipped; the exit status is 1 if any was.
            """)

    @Option(name: .shortAndLong, help: "A rubric id (see `markbench rubric list`) or a rubric file.")
    var rubric: String

    @Argument(help: "Accounts: plain text (.txt) or Markdown (.md), UTF-8.")
    var accounts: [String]

    @OptionGroup var report: ReportOutputOptions
    @OptionGroup var location: RubricsLocation

    func run() throws {
        let engine = try location.engine(for: rubric)
        var failed = false
        var stderr = StandardError()
        for path in accounts {
            do {
                let (result, text) = try AccountMarking.mark(path, engine: engine)
                let input = ReportInput(result: result, text: text, rubric: engine.rubric)
                let options = RenderOptions(colour: report.colour)
                let content: String
                switch report.format {
                case .terminal: content = AssessorTerminalReport.render(input, options: options)
                case .markdown: content = AssessorMarkdownReport.render(input, options: options)
                case .html: content = AssessorHTMLReport.render(input, options: options)
                case .json: content = try JSON.encode(result) + "\n"
                }
                try report.emit(content, to: try report.destination(for: path, count: accounts.count, suffix: "assessor"))
            } catch let error as DiagnosticError {
                failed = true
                print(error.description, to: &stderr)
            }
        }
        if failed { throw ExitCode(1) }
    }
}

/// The learner's self-check of a draft.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a draft before you submit it: what went well, what to add next.",
        discussion: """
            Says "ready to submit" or "not ready yet" (never a grade), with one concrete next step for
            each criterion your draft does not yet show, drawn from the unit's own guidance.
            """)

    @Argument(help: "Your draft: plain text (.txt) or Markdown (.md).")
    var draft: String

    @Option(name: [.short, .customLong("unit")], help: "The unit's rubric id (see `markbench rubric list`) or a rubric file.")
    var unit: String

    @OptionGroup var report: ReportOutputOptions
    @OptionGroup var location: RubricsLocation

    func run() throws {
        let engine = try location.engine(for: unit)
        let result: MarkingResult
        let text: String
        do {
            (result, text) = try AccountMarking.mark(draft, engine: engine)
        } catch {
            throw CLIError(error.description)
        }
        let input = ReportInput(result: result, text: text, rubric: engine.rubric)
        let options = RenderOptions(colour: report.colour)
        let content: String
        switch report.format {
        case .terminal: content = LearnerTerminalReport.render(input, options: options)
        case .markdown: content = LearnerMarkdownReport.render(input, options: options)
        case .html: content = LearnerHTMLReport.render(input, options: options)
        case .json: content = try JSON.encode(LearnerFeedback(input)) + "\n"
        }
        try report.emit(content, to: try report.destination(for: draft, count: 1, suffix: "feedback"))
    }
}

/// Reading and marking one account file.
enum AccountMarking {
    static func mark(_ path: String, engine: MarkingEngine) throws(DiagnosticError) -> (MarkingResult, String) {
        let bytes = try FileBytes.read(path, maxBytes: 4 * 1_048_576, expected: "an account (.txt or .md)")
        let result = try engine.mark(bytes: bytes, name: path)
        return (result, String(decoding: bytes, as: UTF8.self))
    }
}

extension RubricsLocation {
    /// The engine for a rubric id or file, with errors worded for the user.
    func engine(for rubric: String) throws -> MarkingEngine {
        let resolver = RubricResolver(loader: try loader(), shippedDirectory: try shippedDirectory())
        do {
            return try MarkingEngine(bundle: try resolver.bundle(for: rubric))
        } catch {
            throw CLIError(error.description)
        }
    }
}
