import ArgumentParser
import Foundation
import MarkbenchDiagnostics
import MarkbenchEngine
import MarkbenchQA
import MarkbenchReports
import RubricLoader

struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Mark a labelled set of accounts and print agreement with the expert's labels.",
        discussion: """
            FOLDER holds the accounts and a labels.json (the dev-set format). Each account's rubric is the
            shipped rubric whose <source> names the account's seed. Prints percent agreement and Cohen's κ
            per field, then every disagreement.
            """)

    @Argument(help: "A folder with accounts and labels.json.")
    var folder: String

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Flag(help: "List every disagreement.")
    var verbose = false

    @OptionGroup var location: RubricsLocation

    func run() throws {
        let loader = try location.loader()
        let resolver = RubricResolver(loader: loader, shippedDirectory: try location.shippedDirectory())
        let labelsPath = (folder as NSString).appendingPathComponent("labels.json")
        guard let data = FileManager.default.contents(atPath: labelsPath) else {
            throw CLIError("\(labelsPath): no labels.json — the folder must hold the accounts and their labels")
        }
        let labels: [AccountLabels]
        do { labels = try AccountLabels.load(data) } catch {
            throw CLIError("\(labelsPath): not in the labels format (\(error))")
        }
        var engines: [String: MarkingEngine] = [:]
        var results: [(file: String, result: MarkingResult)] = []
        for label in labels {
            guard let rubricID = resolver.catalogue.rubricIDs.first(where: { id in
                resolver.catalogue.rubrics[id]!.rubric.unit.sources.contains { $0.hasPrefix(label.unit_seed + "_") }
            }) else {
                throw CLIError("\(label.file): no shipped rubric names seed \(label.unit_seed) in its <source>")
            }
            if engines[rubricID] == nil {
                do { engines[rubricID] = try MarkingEngine(bundle: resolver.catalogue.bundle(for: rubricID)!) } catch {
                    throw CLIError(error.description)
                }
            }
            let path = (folder as NSString).appendingPathComponent(label.file)
            do {
                let bytes = try FileBytes.read(path, maxBytes: 4 * 1_048_576, expected: "an account")
                results.append((label.file, try engines[rubricID]!.mark(bytes: bytes, name: label.file)))
            } catch {
                throw CLIError(error.description)
            }
        }
        let evaluation = LabelledSetEvaluation(results: results, labels: labels)
        switch format {
        case .json:
            print(try JSON.encode(evaluation))
        case .text:
            print("\(evaluation.accounts) accounts in \(folder)")
            print(evaluation.table(), terminator: "")
            if verbose {
                print("\nDisagreements (expert → engine):")
                for d in evaluation.disagreements { print("  \(d.file)  \(d.field): \(d.expert) → \(d.engine)") }
            }
        }
    }
}
