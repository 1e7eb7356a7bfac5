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
        let rubrics = engines.mapValues(\.rubric)
        // Rows spool to disk beside the summary (or to a temporary file) so memory stays flat.
        let spool = (options.outputDirectory ?? NSTemporaryDirectory()) + "/.markbench-cohort-\(getpid()).jsonl"
        defer { try? FileManager.default.removeItem(atPath: spool) }
        let builder = CohortSummary.Builder(rubrics: rubrics, spool: spool)
        blockingRun(BatchRunner(engines: engines), submissions, options, sink: { index, outcome in
            builder.add(index: index, outcome: outcome)
            if outcome.status == "failed" {
                FileHandle.standardError.write(Data(((showProgress ? "\r\u{1B}[K" : "") + (outcome.error ?? outcome.file) + "\n").utf8))
            }
        }) { done, total, failed in
            guard showProgress else { return }
            let width = 30
            let filled = total == 0 ? width : done * width / total
            let bar = String(repeating: "=", count: filled) + (filled < width ? ">" : "") + String(repeating: " ", count: max(0, width - filled - 1))
            FileHandle.standardError.write(Data("\r[\(bar)] \(done)/\(total) marked\(failed > 0 ? ", \(failed) failed" : "")".utf8))
            if done == total { FileHandle.standardError.write(Data("\n".utf8)) }
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        let summary = builder.finish()
        if let folder = options.outputDirectory {
            let writers: [(String, (CohortSummary, (String) -> Void) throws -> Void)] = [
                ("cohort-summary.csv", { try $0.writeCSV($1) }), ("cohort-summary.json", { try $0.writeJSON($1) }),
                ("cohort-summary.html", { $0.writeHTML($1) }),
            ]
            for (name, write) in writers where summaryFormats.contains((name as NSString).pathExtension) {
                let path = (folder as NSString).appendingPathComponent(name)
                if FileManager.default.fileExists(atPath: path), !options.force {
                    throw CLIError("\(path): already exists; nothing was overwritten. Use --force, or choose another --output folder.")
                }
                FileManager.default.createFile(atPath: path, contents: nil)
                guard let handle = FileHandle(forWritingAtPath: path) else { throw CLIError("\(path): cannot be written") }
                var buffer = ""
                try write(summary) { piece in
                    buffer += piece
                    if buffer.utf8.count > 1 << 16 { handle.write(Data(buffer.utf8)); buffer = "" }
                }
                handle.write(Data(buffer.utf8))
                try handle.close()
            }
            print("Wrote the reports and the cohort summary to \(folder)")
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
                                    sink: @escaping @Sendable (Int, SubmissionOutcome) -> Void,
                                    progress: @escaping @Sendable (Int, Int, Int) -> Void) {
        let semaphore = DispatchSemaphore(value: 0)
        Task.detached {
            await runner.run(submissions, options: options, progress: progress, sink: sink)
            semaphore.signal()
        }
        semaphore.wait()
    }

}
