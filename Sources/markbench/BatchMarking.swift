import ArgumentParser
import Foundation
import MarkbenchBatch
import MarkbenchDiagnostics
import MarkbenchEngine
import MarkbenchImport
import MarkbenchReports
import RubricLoader

/// Batch mode of `markbench mark`: a folder of submissions or a manifest, marked in parallel.
enum BatchMarking {
    static let supportedExtensions: Set<String> = ["txt", "md", "docx", "odt", "doc", "pdf", "rtf"]

    /// Submissions from folders (every file in them, recursively, sorted) and plain files.
    static func submissions(from arguments: [String], unit: String) -> [Submission] {
        var out: [Submission] = []
        for argument in arguments {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory), isDirectory.boolValue {
                let enumerator = FileManager.default.enumerator(atPath: argument)
                var files: [String] = []
                while let next = enumerator?.nextObject() as? String {
                    let ext = (next as NSString).pathExtension.lowercased()
                    if supportedExtensions.contains(ext) { files.append((argument as NSString).appendingPathComponent(next)) }
                }
                for file in files.sorted() {
                    let learner = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
                    out.append(Submission(learner: learner, unit: unit, path: file))
                }
            } else {
                let learner = ((argument as NSString).lastPathComponent as NSString).deletingPathExtension
                out.append(Submission(learner: learner, unit: unit, path: argument))
            }
        }
        return out
    }

    static func run(submissions: [Submission], problems: [Diagnostic], engines: [String: MarkingEngine],
                    options: BatchOptions, summaryFormats: [String]) throws {
        var stderr = StandardError()
        for p in problems { print(p.description, to: &stderr) }
        if let folder = options.outputDirectory {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        let showProgress = isatty(STDERR_FILENO) == 1
        let start = DispatchTime.now()
        let outcomes = blockingRun(BatchRunner(engines: engines), submissions, options) { done, total, failed in
            guard showProgress else { return }
            let width = 30
            let filled = total == 0 ? width : done * width / total
            let bar = String(repeating: "=", count: filled) + (filled < width ? ">" : "") + String(repeating: " ", count: max(0, width - filled - 1))
            FileHandle.standardError.write(Data("\r[\(bar)] \(done)/\(total) marked\(failed > 0 ? ", \(failed) failed" : "")".utf8))
            if done == total { FileHandle.standardError.write(Data("\n".utf8)) }
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        let rubrics = engines.mapValues(\.rubric)
        let summary = CohortSummary(outcomes: outcomes, rubrics: rubrics)
        for o in outcomes where o.status == "failed" { print("\(o.error ?? o.file)", to: &stderr) }
        if let folder = options.outputDirectory {
            let files: [(String, String)] = [
                ("cohort-summary.csv", try summary.csv()), ("cohort-summary.json", try summary.json()),
                ("cohort-summary.html", summary.html()),
            ].filter { summaryFormats.contains(($0.0 as NSString).pathExtension) }
            for (name, content) in files {
                let path = (folder as NSString).appendingPathComponent(name)
                if FileManager.default.fileExists(atPath: path), !options.force {
                    throw CLIError("\(path): already exists; nothing was overwritten. Use --force, or choose another --output folder.")
                }
                try Data(content.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            }
            print("Wrote \(outcomes.reduce(0) { $0 + $1.reports.count }) reports and the cohort summary to \(folder)")
        }
        print(String(format: "%d submissions: %d marked, %d failed, %d suggested competent (%.2f s, %.1f submissions/s)",
                     summary.submissions, summary.marked, summary.failed, summary.competent, seconds,
                     seconds > 0 ? Double(summary.marked) / seconds : 0))
        if let a = summary.agreementWithAssessors {
            print(String(format: "Engine and assessors agree on %d of %d decisions (%.0f %%)%@", a.agreed, a.items, a.percent * 100,
                         a.kappa.map { String(format: ", κ %.2f", $0) } ?? ""))
            for d in summary.disagreements {
                print("  disagree: \(d.learner) (\(d.unit)): assessor \(d.assessorDecision ?? "?"), engine \(d.decision ?? "?")")
            }
        }
        if summary.failed > 0 { throw ExitCode(1) }
    }

    /// Runs the async batch from a synchronous command.
    private static func blockingRun(_ runner: BatchRunner, _ submissions: [Submission], _ options: BatchOptions,
                                    progress: @escaping @Sendable (Int, Int, Int) -> Void) -> [SubmissionOutcome] {
        let box = ResultBox()
        let semaphore = DispatchSemaphore(value: 0)
        Task.detached {
            box.value = await runner.run(submissions, options: options, progress: progress)
            semaphore.signal()
        }
        semaphore.wait()
        return box.value
    }

    private final class ResultBox: @unchecked Sendable { var value: [SubmissionOutcome] = [] }
}
