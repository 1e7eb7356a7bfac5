import Foundation
import MarkbenchDiagnostics
import MarkbenchEngine
import MarkbenchImport
import MarkbenchReports
import MarkbenchText

/// What became of one submission: its decision and criteria in brief (the full result goes to
/// its report files, so a batch's memory does not grow with its size), or why it failed.
public struct SubmissionOutcome: Sendable, Codable, Hashable {
    public var learner: String
    public var unit: String
    public var file: String
    public var assessor: String?
    public var assessorDecision: String?
    public var date: String?
    /// "marked" or "failed".
    public var status: String
    public var error: String?
    public var decision: String?
    /// Criterion id → met / partly-met / not-met, in rubric order.
    public var criteria: [CriterionStatus]
    /// Rule ids of the findings an assessor must look at (major and minor).
    public var findings: [String]
    public var reports: [String]

    public struct CriterionStatus: Sendable, Codable, Hashable {
        public var id: String
        public var status: String
    }

    public var criteriaMet: Int { criteria.filter { $0.status == EvidenceStatus.met.rawValue }.count }

    /// The engine and the assessor disagree on the unit decision.
    public var disagrees: Bool {
        guard let assessorDecision, let decision else { return false }
        return (assessorDecision == "competent") != (decision == Decision.Outcome.competent.rawValue)
    }
}

/// Options for a batch run.
public struct BatchOptions: Sendable {
    /// How many submissions to mark at once (default: the number of cores).
    public var jobs: Int
    /// Report formats written per submission (none: summary only).
    public var formats: [ReportFormat]
    /// Folder for the reports and the cohort summary; nil writes nothing.
    public var outputDirectory: String?
    public var force: Bool
    public var limits: ImportLimits

    public init(jobs: Int = ProcessInfo.processInfo.activeProcessorCount, formats: [ReportFormat] = [.html, .json],
                outputDirectory: String? = nil, force: Bool = false, limits: ImportLimits = .init()) {
        self.jobs = max(1, jobs)
        self.formats = formats
        self.outputDirectory = outputDirectory
        self.force = force
        self.limits = limits
    }
}

/// Marks many submissions in parallel, one engine per unit, one normaliser per worker. A bad
/// file is recorded as failed and the batch goes on.
public struct BatchRunner: Sendable {
    public let engines: [String: MarkingEngine]

    public init(engines: [String: MarkingEngine]) { self.engines = engines }

    /// Marks `submissions` and returns their outcomes in the same order. `progress` is called
    /// after each submission with (done, total, failed).
    public func run(_ submissions: [Submission], options: BatchOptions,
                    progress: (@Sendable (Int, Int, Int) -> Void)? = nil) async -> [SubmissionOutcome] {
        let collected = OutcomeCollector()
        await run(submissions, options: options, progress: progress) { index, outcome in collected.add(index, outcome) }
        return collected.inOrder()
    }

    /// Marks `submissions`, handing each outcome to `sink` as soon as it is ready (in any order,
    /// with its index) and keeping nothing: memory stays flat however large the batch.
    public func run(_ submissions: [Submission], options: BatchOptions, progress: (@Sendable (Int, Int, Int) -> Void)? = nil,
                    sink: @escaping @Sendable (Int, SubmissionOutcome) -> Void) async {
        let queue = WorkQueue(count: submissions.count)
        let tracker = ProgressTracker(total: submissions.count, report: progress)
        let names = ReportNames(submissions)
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<min(options.jobs, max(submissions.count, 1)) {
                group.addTask {
                    var normalisers: [String: Normaliser] = [:]
                    while let index = await queue.next() {
                        let outcome = mark(submissions[index], reportName: names[index], options: options, normalisers: &normalisers)
                        sink(index, outcome)
                        await tracker.finished(failed: outcome.status == "failed")
                    }
                }
            }
        }
    }

    private func mark(_ s: Submission, reportName: String, options: BatchOptions,
                      normalisers: inout [String: Normaliser]) -> SubmissionOutcome {
        var outcome = SubmissionOutcome(learner: s.learner, unit: s.unit, file: s.path, assessor: s.assessor,
                                        assessorDecision: s.assessorDecision, date: s.date, status: "failed", error: nil,
                                        decision: nil, criteria: [], findings: [], reports: [])
        guard let engine = engines[s.unit] else {
            outcome.error = "\(s.path): no rubric '\(s.unit)' is loaded"
            return outcome
        }
        do throws(DiagnosticError) {
            let document = try SubmissionImporter.read(s.path, limits: options.limits)
            if normalisers[s.unit] == nil { normalisers[s.unit] = engine.makeNormaliser() }
            guard let normaliser = normalisers[s.unit] else {
                outcome.error = "\(s.path): the stemmer is not available"
                return outcome
            }
            let doc = TextDocument(text: document.text, name: s.path, normaliser: normaliser)
            let result = engine.mark(doc)
            outcome.status = "marked"
            outcome.decision = result.decision.outcome.rawValue
            outcome.criteria = result.criteria.map { .init(id: $0.id, status: $0.status.rawValue) }
            outcome.findings = result.findings.filter { $0.severity != .info }.map(\.ruleID)
            if let folder = options.outputDirectory, !options.formats.isEmpty {
                let input = ReportInput(result: result, text: document.text, rubric: engine.rubric)
                for format in options.formats {
                    let path = (folder as NSString).appendingPathComponent("\(reportName).\(format.fileExtension)")
                    guard let content = try? ReportRenderer.render(input, audience: .assessor, format: format) else {
                        outcome.error = "\(path): the \(format.rawValue) report could not be rendered"
                        continue
                    }
                    if FileManager.default.fileExists(atPath: path), !options.force {
                        outcome.error = "\(path): already exists; not overwritten (use --force)"
                        continue
                    }
                    if (try? Data(content.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)) != nil {
                        outcome.reports.append(path)
                    } else {
                        outcome.error = "\(path): could not be written"
                    }
                }
            }
        } catch {
            outcome.error = error.description
        }
        return outcome
    }
}

/// Gathers outcomes for callers that want them all in memory.
final class OutcomeCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [(Int, SubmissionOutcome)] = []
    func add(_ index: Int, _ outcome: SubmissionOutcome) {
        lock.lock(); defer { lock.unlock() }
        items.append((index, outcome))
    }
    func inOrder() -> [SubmissionOutcome] {
        lock.lock(); defer { lock.unlock() }
        return items.sorted { $0.0 < $1.0 }.map(\.1)
    }
}

/// Hands out submission indices to workers.
actor WorkQueue {
    private var nextIndex = 0
    private let count: Int
    init(count: Int) { self.count = count }
    func next() -> Int? {
        guard nextIndex < count else { return nil }
        defer { nextIndex += 1 }
        return nextIndex
    }
}

/// Counts finished submissions and reports progress.
actor ProgressTracker {
    private var done = 0
    private var failed = 0
    private let total: Int
    private let report: (@Sendable (Int, Int, Int) -> Void)?
    init(total: Int, report: (@Sendable (Int, Int, Int) -> Void)?) {
        self.total = total
        self.report = report
    }
    func finished(failed isFailure: Bool) {
        done += 1
        if isFailure { failed += 1 }
        report?(done, total, failed)
    }
}

/// File-safe, unique report names: "learner-file" per submission.
struct ReportNames {
    private var names: [String] = []
    init(_ submissions: [Submission]) {
        var used: [String: Int] = [:]
        for s in submissions {
            let base = ((s.path as NSString).lastPathComponent as NSString).deletingPathExtension
            var name = Self.safe(s.learner == base ? base : "\(s.learner)-\(base)")
            if let n = used[name] {
                used[name] = n + 1
                name += "-\(n + 1)"
            } else {
                used[name] = 1
            }
            names.append(name)
        }
    }
    subscript(i: Int) -> String { names[i] }
    static func safe(_ s: String) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.")
        let mapped = String(s.map { allowed.contains($0) ? $0 : "_" })
        return mapped.isEmpty ? "submission" : String(mapped.prefix(100))
    }
}
