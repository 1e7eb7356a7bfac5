import ArgumentParser
import Foundation
import MarkbenchBatch
import MarkbenchDiagnostics
import MarkbenchEngine
import MarkbenchImport
import MarkbenchText
import MarkbenchReports
import RubricLoader

struct MarkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mark",
        abstract: "Pre-mark accounts for an assessor: decision grid, quoted evidence, flags.",
        discussion: """
            With files, prints (or writes with --output) one report per account: terminal diagnostics,
            Markdown or self-contained HTML (with a space for the assessor's own decision), or JSON
            (docs/report-json.md).

            With a folder or --manifest, marks the whole cohort in parallel (--jobs, default: the number
            of cores) with a progress bar, writes one report per submission (--formats) and a cohort
            summary (cohort-summary.csv/.json/.html) into --output, and says where the engine and the
            assessors disagree. .txt, .md, .docx and .odt are read; a file that cannot be read is
            reported and skipped, never aborting the batch; the exit status is 1 if any failed.
            """)

    @Option(name: .shortAndLong, help: "A rubric id (see `markbench rubric list`) or a rubric file (optional with --manifest).")
    var rubric: String?

    @Argument(help: "Accounts (.txt, .md, .docx, .odt) or folders of them.")
    var accounts: [String] = []

    @Option(help: "A cohort manifest (CSV: learner,unit,file,assessor,assessor_decision,date).")
    var manifest: String?

    @Option(help: "Batch: how many submissions to mark at once (default: the number of cores).")
    var jobs: Int?

    @Option(help: "Batch: report formats per submission, comma-separated (terminal, markdown, html, json; 'none').")
    var formats: String = "html,json"

    @OptionGroup var report: ReportOutputOptions
    @OptionGroup var location: RubricsLocation

    func validate() throws {
        if rubric == nil && manifest == nil { throw ValidationError("give --rubric ID (or a --manifest that names each row's unit)") }
        if accounts.isEmpty && manifest == nil { throw ValidationError("give accounts, a folder, or --manifest") }
    }

    var isBatch: Bool {
        manifest != nil || accounts.contains { path in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
        }
    }

    func run() throws {
        if isBatch { return try runBatch() }
        let engine = try location.engine(for: rubric!)
        var failed = false
        var stderr = StandardError()
        for path in accounts {
            do {
                let (result, text) = try AccountMarking.mark(path, engine: engine)
                let input = ReportInput(result: result, text: text, rubric: engine.rubric)
                let content = try ReportRenderer.render(input, audience: .assessor, format: report.format,
                                                        options: RenderOptions(colour: report.colour))
                try report.emit(content, to: try report.destination(for: path, count: accounts.count, suffix: "assessor"))
            } catch let error as DiagnosticError {
                failed = true
                print(error.description, to: &stderr)
            }
        }
        if failed { throw ExitCode(1) }
    }

    private func runBatch() throws {
        let resolver = RubricResolver(loader: try location.loader(), shippedDirectory: try location.shippedDirectory())
        var engines: [String: MarkingEngine] = [:]
        var submissions: [Submission] = []
        var problems: [Diagnostic] = []
        func engine(_ id: String) throws -> MarkingEngine {
            if let e = engines[id] { return e }
            do {
                let e = try MarkingEngine(bundle: try resolver.bundle(for: id))
                engines[e.rubric.id] = e
                engines[id] = e
                return e
            } catch { throw CLIError(error.description) }
        }
        if let manifest {
            do {
                let read = try Manifest.read(manifest, knownUnits: Set(resolver.catalogue.rubricIDs))
                submissions += read.submissions
                problems += read.problems
            } catch { throw CLIError(error.description) }
            for id in Set(submissions.map(\.unit)) { _ = try engine(id) }
        }
        if let rubric {
            let unit = try engine(rubric).rubric.id
            submissions += BatchMarking.submissions(from: accounts, unit: unit)
        }
        let formatList: [ReportFormat] = formats == "none" ? [] : try formats.split(separator: ",").map {
            guard let f = ReportFormat(rawValue: $0.trimmingCharacters(in: .whitespaces)) else {
                throw ValidationError("unknown format '\($0)' in --formats; use terminal, markdown, html, json or none")
            }
            return f
        }
        let options = BatchOptions(jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount, formats: formatList,
                                   outputDirectory: report.output, force: report.force)
        try BatchMarking.run(submissions: submissions, problems: problems, engines: engines, options: options,
                             summaryFormats: ["csv", "json", "html"])
    }
}

/// One learner's portfolio against several units.
struct PortfolioCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "portfolio",
        abstract: "Cross-reference one learner's accounts against several units: which account evidences what, and what is uncovered.")

    @Argument(help: "A folder of one learner's accounts (.txt, .md, .docx, .odt).")
    var folder: String

    @Option(name: .customLong("rubrics"), parsing: .upToNextOption, help: "Unit rubric ids or files.")
    var rubrics: [String]

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @OptionGroup var location: RubricsLocation

    func run() throws {
        guard !rubrics.isEmpty else { throw ValidationError("name at least one unit with --rubrics") }
        let engines = try rubrics.map { id -> (id: String, engine: MarkingEngine) in
            let e = try location.engine(for: id)
            return (e.rubric.id, e)
        }
        let files = BatchMarking.submissions(from: [folder], unit: "").map(\.path)
        if files.isEmpty { throw CLIError("\(folder): no accounts found (.txt, .md, .docx, .odt)") }
        let matrix = PortfolioMatrix(files: files, engines: engines)
        switch format {
        case .json: print(try JSON.encode(matrix))
        case .text: print(matrix.table(), terminator: "")
        }
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
        let content = try ReportRenderer.render(input, audience: .learner, format: report.format,
                                                options: RenderOptions(colour: report.colour))
        try report.emit(content, to: try report.destination(for: draft, count: 1, suffix: "feedback"))
    }
}

/// Reading and marking one account file.
enum AccountMarking {
    static func mark(_ path: String, engine: MarkingEngine) throws(DiagnosticError) -> (MarkingResult, String) {
        let document = try SubmissionImporter.read(path)
        guard let normaliser = engine.makeNormaliser() else {
            throw DiagnosticError(Diagnostic(code: "engine.stemmer", at: SourceLocation(file: path, line: 1, column: 1),
                                             "the Snowball English stemmer is not available", hint: "install libstemmer0d"))
        }
        let result = engine.mark(TextDocument(text: document.text, name: path, normaliser: normaliser))
        return (result, document.text)
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
