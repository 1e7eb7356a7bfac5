import ArgumentParser
import Foundation
import MarkbenchDiagnostics
import MarkbenchIQA

/// Formats for the IQA commands.
enum IQAFormat: String, ExpressibleByArgument, CaseIterable { case text, csv, html, json }

/// Reading a decision-records file, with its problems printed and counted.
enum RecordsInput {
    static func read(_ path: String, engine: String?) throws -> [DecisionRecord] {
        var stderr = StandardError()
        let (records, problems): ([DecisionRecord], [Diagnostic])
        do { (records, problems) = try DecisionRecords.read(path) } catch { throw CLIError(error.description) }
        for p in problems { print(p.description, to: &stderr) }
        print(DecisionRecords.summary(records: records, problems: problems).description, to: &stderr)
        guard let engine else { return records }
        do {
            let fromEngine = try EngineDecisions.read(engine)
            print("\(fromEngine.count) engine decisions from \(engine)", to: &stderr)
            return records.filter { $0.role != .engine } + fromEngine
        } catch {
            throw CLIError(error.description)
        }
    }

    static func emit(_ content: String, output: String?, force: Bool) throws {
        try OutputFile.emit(content, to: output, force: force)
    }
}

struct SampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample",
        abstract: "Plan an IQA sample: risk-based, covering every CAMERA dimension, reproducible from a seed.",
        discussion: """
            RECORDS is a CSV or JSON file of decisions (learner,unit,criterion,assessor,role,decision,method,
            evidence,site,date,assessor_status,group). New assessors, assessors under an action plan, new units
            and decisions where the engine disagrees are sampled at higher rates (--policy); then every candidate
            group, assessor, method, evidence type, record and site is covered. Each item says why it was chosen.
            """)

    @Argument(help: "Decision records (.csv or .json).")
    var records: String

    @Option(help: "A sampling policy (JSON; see Samples/qa/policy.json). Default: the built-in policy.")
    var policy: String?

    @Option(help: "Seed for the random draw (overrides the policy's).")
    var seed: UInt64?

    @Option(name: .customLong("interim-until"), help: "Interim sampling: only decisions up to this date (YYYY-MM-DD).")
    var interimUntil: String?

    @Option(help: "The engine's decisions: a cohort-summary.json from `markbench mark --manifest … -o DIR`.")
    var engine: String?

    @Option(help: "Output format: text, csv, html or json.")
    var format: IQAFormat = .text

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    @Flag(help: "Overwrite an existing output file.")
    var force = false

    func run() throws {
        var policy = SamplingPolicy()
        if let path = self.policy {
            do { policy = try SamplingPolicy.read(path) } catch { throw CLIError(error.description) }
        }
        if let seed { policy.seed = seed }
        if let interimUntil {
            policy.stage = .interim
            policy.cutoff = interimUntil
        }
        if let problem = policy.problems().first { throw CLIError(problem.description) }
        let records = try RecordsInput.read(self.records, engine: engine)
        let plan = Sampler.plan(records: records, policy: policy, engineDecisions: EngineDecisions.overall(records))
        let content: String
        switch format {
        case .csv: content = try plan.csv()
        case .json: content = try plan.json()
        case .html: content = plan.html()
        case .text:
            var out = "Sample: \(plan.items.count) of \(plan.population) assessor decisions (seed \(policy.seed), \(policy.stage.rawValue))\n"
            for item in plan.items {
                let r = item.record
                out += "  \(r.learner), \(r.itemLabel), \(r.assessor), \(r.date): \(item.reasons.joined(separator: "; "))\n"
            }
            let gaps = plan.gaps
            out += gaps.isEmpty ? "Every CAMERA value is covered.\n"
                : "Not covered: " + gaps.map { "\($0.dimension.title) \($0.value)" }.joined(separator: ", ") + "\n"
            content = out
        }
        try RecordsInput.emit(content, output: output, force: force)
    }
}

struct AgreeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agree",
        abstract: "Measure marking consistency: κ for every pair of markers, Krippendorff's α, leniency, drift.",
        discussion: """
            Compares every pair of markers on the same learner, unit and criterion (assessor v. engine, assessor v.
            IQA, assessors double-marking): percent agreement, Cohen's κ with a seeded bootstrap interval,
            quadratic-weighted κ on graded units; Krippendorff's α over all markers; each assessor's leniency or
            severity against the engine and the IQA; agreement per unit and criterion; drift by month; and flags in
            plain words. --engine adds the engine's decisions from a batch run.
            """)

    @Argument(help: "Decision records (.csv or .json).")
    var records: String

    @Option(help: "The engine's decisions: a cohort-summary.json from `markbench mark --manifest … -o DIR`.")
    var engine: String?

    @Option(help: "Seed for the bootstrap.")
    var seed: UInt64 = 2026

    @Option(help: "Bootstrap resamples.")
    var resamples: Int = 1000

    @Option(help: "Output format: text, csv, html or json.")
    var format: IQAFormat = .text

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    @Flag(help: "Overwrite an existing output file.")
    var force = false

    func run() throws {
        let records = try RecordsInput.read(self.records, engine: engine)
        let report = ConsistencyReport(records: records, seed: seed, resamples: max(1, resamples))
        let content: String
        switch format {
        case .text: content = report.text()
        case .csv: content = report.csv()
        case .json: content = try report.json()
        case .html: content = report.html()
        }
        try RecordsInput.emit(content, output: output, force: force)
    }
}
