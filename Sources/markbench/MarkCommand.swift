import ArgumentParser
import Foundation
import MarkbenchDiagnostics
import MarkbenchEngine
import MarkbenchReports
import RubricLoader

struct MarkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mark",
        abstract: "Mark reflective accounts against a unit rubric.",
        discussion: "Prints a report per account. --format json prints one JSON document per account (see docs/report-json.md).")

    @Option(name: .shortAndLong, help: "A rubric id (see `markbench rubric list`) or a rubric file.")
    var rubric: String

    @Argument(help: "Accounts: plain text (.txt) or Markdown (.md), UTF-8.")
    var accounts: [String]

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @OptionGroup var location: RubricsLocation

    func run() throws {
        let loader = try location.loader()
        let resolver = RubricResolver(loader: loader, shippedDirectory: try location.shippedDirectory())
        let engine: MarkingEngine
        do {
            engine = try MarkingEngine(bundle: try resolver.bundle(for: rubric))
        } catch {
            throw CLIError(error.description)
        }
        var failed = false
        var stderr = StandardError()
        for path in accounts {
            do {
                let bytes = try FileBytes.read(path, maxBytes: 4 * 1_048_576, expected: "an account (.txt or .md)")
                let result = try engine.mark(bytes: bytes, name: path)
                switch format {
                case .json: print(try JSON.encode(result))
                case .text: print(PlainReport.render(result))
                }
            } catch let error as DiagnosticError {
                failed = true
                print(error.description, to: &stderr)
            }
        }
        if failed { throw ExitCode(1) }
    }
}
