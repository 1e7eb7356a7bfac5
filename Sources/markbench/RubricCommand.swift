import ArgumentParser
import Foundation
import MarkbenchDiagnostics
import RubricLoader
import RubricModel
import MarkbenchReports
import MarkbenchEngine

struct RubricCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rubric",
        abstract: "Validate, list and show unit rubrics.",
        subcommands: [Validate.self, List.self, Show.self, Test.self]
    )
}

/// Output format for commands that can print JSON.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// Options shared by the rubric commands.
struct RubricsLocation: ParsableArguments {
    @Option(name: .customLong("rubrics-dir"),
            help: "The folder of shipped rubrics (default: $MARKBENCH_RUBRICS or the project's Rubrics/).")
    var rubricsDir: String?

    func shippedDirectory() throws -> String {
        if let rubricsDir { return rubricsDir }
        guard let dir = RubricLocator.shippedDirectory() else {
            throw ValidationError("cannot find the Rubrics/ folder; pass --rubrics-dir or set MARKBENCH_RUBRICS")
        }
        return dir
    }

    func loader() throws -> RubricLoader {
        let dir = try shippedDirectory()
        do {
            return try RubricLoader(schemaPath: (dir as NSString).appendingPathComponent(RubricLocator.schemaRelativePath))
        } catch {
            throw CLIError(error.description)
        }
    }
}

/// An error already worded for the user; printed as is.
struct CLIError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

extension RubricCommand {
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check rubric and lexicon files: well-formed, schema-valid, every reference resolves.",
            discussion: "Reports every problem as FILE:LINE:COL: error: … and exits 1 if any file has an error.")

        @Argument(help: "Rubric or lexicon files (.xml).")
        var files: [String]

        @OptionGroup var location: RubricsLocation

        @Option(help: "Output format: text or json.")
        var format: OutputFormat = .text

        func run() throws {
            let loader = try location.loader()
            let shipped = RubricCatalogue(directory: try location.shippedDirectory(), loader: loader)
            let report = RubricValidation.validate(files: files, loader: loader, shippedLexicons: shipped.lexicons)
            switch format {
            case .json:
                print(try report.json())
            case .text:
                for d in report.diagnostics { print(d.description) }
                for file in report.files {
                    let errors = report.diagnostics.filter { $0.location.file == file.path && $0.severity == .error }.count
                    let warnings = report.diagnostics.filter { $0.location.file == file.path && $0.severity == .warning }.count
                    let status = errors == 0 ? "ok" : "\(errors) error\(errors == 1 ? "" : "s")"
                    let extra = warnings > 0 ? ", \(warnings) warning\(warnings == 1 ? "" : "s")" : ""
                    print("\(file.path): \(status)\(extra)\(file.summary.map { " (\($0))" } ?? "")")
                }
            }
            if report.hasErrors { throw ExitCode(1) }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the shipped rubrics and any in a folder you name.")

        @Argument(help: "Extra folders of rubrics to list.")
        var folders: [String] = []

        @OptionGroup var location: RubricsLocation

        @Option(help: "Output format: text or json.")
        var format: OutputFormat = .text

        func run() throws {
            let loader = try location.loader()
            let shipped = RubricCatalogue(directory: try location.shippedDirectory(), loader: loader)
            var catalogues = [shipped]
            for folder in folders {
                catalogues.append(RubricCatalogue(directory: folder, loader: loader, extraLexicons: shipped.lexicons))
            }
            var entries: [RubricListEntry] = []
            for catalogue in catalogues {
                for id in catalogue.rubricIDs {
                    let (rubric, path) = catalogue.rubrics[id]!
                    entries.append(RubricListEntry(rubric: rubric, path: path))
                }
            }
            let problems = catalogues.flatMap(\.diagnostics)
            switch format {
            case .json:
                print(try JSON.encode(entries))
            case .text:
                let idWidth = max(entries.map(\.id.count).max() ?? 0, 2)
                for e in entries {
                    print("\(e.id.padding(toLength: idWidth, withPad: " ", startingAt: 0))  v\(e.version)  L\(e.level)  \(e.title)  [\(e.criteria) criteria, \(e.markingPoints) marking points]  \(e.path)")
                }
                if entries.isEmpty { print("no rubrics found") }
            }
            if !problems.isEmpty {
                var stderr = StandardError()
                print("\(problems.count) problem\(problems.count == 1 ? "" : "s") left some files out (run `markbench rubric validate` on them):", to: &stderr)
                for d in problems.prefix(20) { print("  \(d)", to: &stderr) }
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a rubric's outline: outcomes, criteria with command words, marking points, mistakes.")

        @Argument(help: "A rubric id (see `markbench rubric list`) or a rubric file.")
        var rubric: String

        @OptionGroup var location: RubricsLocation

        @Option(help: "Output format: text or json.")
        var format: OutputFormat = .text

        func run() throws {
            let loader = try location.loader()
            let bundle = try RubricResolver(loader: loader, shippedDirectory: try location.shippedDirectory()).bundle(for: rubric)
            switch format {
            case .json: print(try JSON.encode(RubricOutline(bundle.rubric)))
            case .text: print(RubricOutlineText.render(bundle), terminator: "")
            }
        }
    }
}

struct StandardError: TextOutputStream {
    mutating func write(_ string: String) { FileHandle.standardError.write(Data(string.utf8)) }
}

extension RubricCommand {
    struct Test: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run the examples in rubrics and lexicons against the engine.",
            discussion: "Every <example expect=\"pass\"> must satisfy its rule or concept and every expect=\"fail\" must not. Failures are printed as FILE:LINE:COL. Exits 1 on any failure.")

        @Argument(help: "Rubric files or ids (default: every shipped rubric).")
        var rubrics: [String] = []

        @OptionGroup var location: RubricsLocation

        func run() throws {
            let loader = try location.loader()
            let resolver = RubricResolver(loader: loader, shippedDirectory: try location.shippedDirectory())
            let names = rubrics.isEmpty ? resolver.catalogue.rubricIDs : rubrics
            var total = 0, failed = 0
            var lexiconsTested: Set<String> = []
            for name in names {
                let engine: MarkingEngine
                do { engine = try MarkingEngine(bundle: try resolver.bundle(for: name)) } catch {
                    throw CLIError(error.description)
                }
                // Each lexicon's own examples run once, with the first rubric that reaches it.
                let lexicons = engine.rubric.lexiconRefs.isEmpty ? [] : Array(resolver.catalogue.lexicons.keys)
                let fresh = lexicons.filter { !lexiconsTested.contains($0) }
                lexiconsTested.formUnion(fresh)
                let report = ExampleRunner(engine: engine).run(lexicons: fresh)
                total += report.examples
                failed += report.failures.count
                for failure in report.failures { print(failure.description) }
                print("\(engine.rubric.id): \(report.examples - report.failures.count) passed, \(report.failures.count) failed")
            }
            print("\(total - failed) passed, \(failed) failed")
            if failed > 0 { throw ExitCode(1) }
        }
    }
}
