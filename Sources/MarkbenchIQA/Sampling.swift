import Foundation
import MarkbenchQA
import MarkbenchDiagnostics

// MARK: - Policy

/// How much of the assessors' work to sample, and why. Rates are percentages (0–100).
///
/// A record is picked by risk with the probability of its highest applicable rate: its assessor's status,
/// a unit new to the assessor, or the engine disagreeing with the assessor. Then records are added until
/// every value of every CAMERA dimension has at least `minimumPerValue` sampled records.
public struct SamplingPolicy: Sendable, Codable, Hashable {
    /// Interim sampling (during the course) looks only at records up to `cutoff`; summative at all.
    public enum Stage: String, Sendable, Codable, Hashable {
        case interim
        case summative
    }

    /// Base rate for a new assessor's decisions.
    public var newAssessorRate: Double
    /// Base rate for an assessor under an action plan.
    public var actionPlanRate: Double
    /// Base rate for an experienced assessor.
    public var experiencedRate: Double
    /// Rate for a unit the assessor has decided fewer than `newUnitThreshold` learners on.
    public var newUnitRate: Double
    public var newUnitThreshold: Int
    /// Rate for a decision the engine disagrees with.
    public var engineDisagreementRate: Double
    /// Minimum sampled records for every candidate group, assessor, method, evidence type, site and learner-unit.
    public var minimumPerValue: Int
    public var stage: Stage
    /// Last date (YYYY-MM-DD, inclusive) an interim plan looks at.
    public var cutoff: String?
    public var seed: UInt64

    public init(newAssessorRate: Double = 100, actionPlanRate: Double = 50, experiencedRate: Double = 10,
                newUnitRate: Double = 100, newUnitThreshold: Int = 3, engineDisagreementRate: Double = 100,
                minimumPerValue: Int = 1, stage: Stage = .summative, cutoff: String? = nil, seed: UInt64 = 2026) {
        self.newAssessorRate = newAssessorRate
        self.actionPlanRate = actionPlanRate
        self.experiencedRate = experiencedRate
        self.newUnitRate = newUnitRate
        self.newUnitThreshold = newUnitThreshold
        self.engineDisagreementRate = engineDisagreementRate
        self.minimumPerValue = minimumPerValue
        self.stage = stage
        self.cutoff = cutoff
        self.seed = seed
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case newAssessorRate, actionPlanRate, experiencedRate, newUnitRate, newUnitThreshold, engineDisagreementRate
        case minimumPerValue, stage, cutoff, seed
    }

    /// Every key is optional: a missing one takes its default.
    public init(from decoder: Decoder) throws {
        let d = SamplingPolicy()
        let c = try decoder.container(keyedBy: CodingKeys.self)
        newAssessorRate = try c.decodeIfPresent(Double.self, forKey: .newAssessorRate) ?? d.newAssessorRate
        actionPlanRate = try c.decodeIfPresent(Double.self, forKey: .actionPlanRate) ?? d.actionPlanRate
        experiencedRate = try c.decodeIfPresent(Double.self, forKey: .experiencedRate) ?? d.experiencedRate
        newUnitRate = try c.decodeIfPresent(Double.self, forKey: .newUnitRate) ?? d.newUnitRate
        newUnitThreshold = try c.decodeIfPresent(Int.self, forKey: .newUnitThreshold) ?? d.newUnitThreshold
        engineDisagreementRate = try c.decodeIfPresent(Double.self, forKey: .engineDisagreementRate) ?? d.engineDisagreementRate
        minimumPerValue = try c.decodeIfPresent(Int.self, forKey: .minimumPerValue) ?? d.minimumPerValue
        stage = try c.decodeIfPresent(Stage.self, forKey: .stage) ?? d.stage
        cutoff = try c.decodeIfPresent(String.self, forKey: .cutoff)
        seed = try c.decodeIfPresent(UInt64.self, forKey: .seed) ?? d.seed
    }

    /// The base rate for an assessor's status (no status recorded: treated as new).
    public func rate(for status: AssessorStatus?) -> Double {
        switch status {
        case .new, nil: newAssessorRate
        case .underActionPlan: actionPlanRate
        case .experienced: experiencedRate
        }
    }

    /// What is wrong with the policy (rates outside 0–100, a bad cut-off, …); empty when it is usable.
    public func problems(file: String = "policy") -> [Diagnostic] {
        var problems: [Diagnostic] = []
        let at = SourceLocation(file: file, line: 1, column: 1)
        for (name, rate) in [("newAssessorRate", newAssessorRate), ("actionPlanRate", actionPlanRate),
                             ("experiencedRate", experiencedRate), ("newUnitRate", newUnitRate),
                             ("engineDisagreementRate", engineDisagreementRate)] where !(0...100).contains(rate) {
            problems.append(Diagnostic(code: "policy.bad-rate", at: at, "\(name) is \(rate), not a percentage",
                                       hint: "give a rate from 0 to 100 (10 means 10 %)"))
        }
        if newUnitThreshold < 0 {
            problems.append(Diagnostic(code: "policy.bad-number", at: at, "newUnitThreshold is \(newUnitThreshold)",
                                       hint: "give a number of decisions, 0 or more (0 turns the new-unit rate off)"))
        }
        if minimumPerValue < 0 {
            problems.append(Diagnostic(code: "policy.bad-number", at: at, "minimumPerValue is \(minimumPerValue)",
                                       hint: "give a number of records, 0 or more"))
        }
        if let cutoff, !DecisionRecords.isDate(cutoff) {
            problems.append(Diagnostic(code: "policy.bad-date", at: at, "the cut-off '\(cutoff)' is not a date written YYYY-MM-DD",
                                       hint: "write it as YYYY-MM-DD, e.g. 2026-10-15"))
        }
        if stage == .interim, cutoff == nil {
            problems.append(Diagnostic(code: "policy.no-cutoff", at: at, "an interim plan needs a cut-off date",
                                       hint: "add \"cutoff\": \"YYYY-MM-DD\", or make the stage summative"))
        }
        return problems
    }

    /// Reads a policy from JSON (every key optional; unknown keys are refused so a typo cannot pass unnoticed).
    public static func read(_ path: String) throws(DiagnosticError) -> SamplingPolicy {
        let at = SourceLocation(file: path, line: 1, column: 1)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DiagnosticError(Diagnostic(code: "policy.not-found", at: at, "no such policy file", hint: "check the path"))
        }
        if let problem = TextInput.problem(in: [UInt8](data)) {
            throw DiagnosticError(TextInput.diagnostic(for: problem, file: path, expected: "a sampling policy (JSON)"))
        }
        let known = Set(CodingKeys.allCases.map(\.rawValue))
        let policy: SamplingPolicy
        do {
            guard case .object(let object) = try JSONDecoder().decode(JSONValue.self, from: data) else {
                throw DiagnosticError(Diagnostic(code: "policy.bad-json", at: at, "the policy is not a JSON object",
                                                 hint: "write { \"experiencedRate\": 10, … }"))
            }
            let unknown = object.keys.filter { !known.contains($0) }.sorted()
            if !unknown.isEmpty {
                throw DiagnosticError(Diagnostic(code: "policy.unknown-key", at: at,
                                                 "unknown key\(unknown.count == 1 ? "" : "s") \(unknown.map { "'\($0)'" }.joined(separator: ", "))",
                                                 hint: "the keys are \(CodingKeys.allCases.map(\.rawValue).joined(separator: ", "))"))
            }
            policy = try JSONDecoder().decode(SamplingPolicy.self, from: data)
        } catch let error as DiagnosticError {
            throw error
        } catch {
            throw DiagnosticError(Diagnostic(code: "policy.bad-json", at: at, "the policy cannot be read (\(error))",
                                             hint: "rates and counts are numbers, stage is \"interim\" or \"summative\", cutoff a date in quotes"))
        }
        let problems = policy.problems(file: path)
        if !problems.isEmpty { throw DiagnosticError(problems) }
        return policy
    }
}

// MARK: - Random numbers

extension SplitMix64 {
    /// A uniform draw in [0, 1) with 53 bits of precision.
    mutating func nextUnit() -> Double { Double(next() >> 11) * 0x1.0p-53 }
}

// MARK: - Plan

/// The CAMERA dimensions a sample must cover: Candidates, Assessors, Methods, Evidence, Records, Assessment sites.
public enum CameraDimension: String, Sendable, Codable, Hashable, CaseIterable {
    case candidates
    case assessors
    case methods
    case evidence
    case records
    case sites

    public var title: String {
        switch self {
        case .candidates: "Candidates (groups)"
        case .assessors: "Assessors"
        case .methods: "Methods"
        case .evidence: "Evidence types"
        case .records: "Records (learner and unit)"
        case .sites: "Assessment sites"
        }
    }

    /// The record's value on this dimension (nil when not recorded: no group or no evidence type).
    public func value(of record: DecisionRecord) -> String? {
        switch self {
        case .candidates: record.candidateGroup
        case .assessors: record.assessor
        case .methods: record.method
        case .evidence: record.evidence
        case .records: record.learnerUnit.description
        case .sites: record.site
        }
    }

    func reason(_ value: String) -> String {
        switch self {
        case .candidates: "covers candidate group \(value)"
        case .assessors: "covers assessor \(value)"
        case .methods: "covers method \(value)"
        case .evidence: "covers evidence type \(value)"
        case .records: "covers the record of \(value)"
        case .sites: "covers site \(value)"
        }
    }

    /// The order in which coverage is completed: groups, assessors, methods, evidence, sites, then records.
    static let fillOrder: [CameraDimension] = [.candidates, .assessors, .methods, .evidence, .sites, .records]
}

/// One sampled decision and why it was chosen.
public struct SampledItem: Sendable, Codable, Hashable {
    public var record: DecisionRecord
    /// Plain-English reasons, e.g. "new assessor (100 % rate)", "covers site Leeds".
    public var reasons: [String]
    /// The engine's decision on the same item, when there is one.
    public var engineDecision: String?
    /// True when picked by the risk rates; false when added to complete coverage.
    public var pickedByRisk: Bool

    public init(record: DecisionRecord, reasons: [String], engineDecision: String? = nil, pickedByRisk: Bool) {
        self.record = record
        self.reasons = reasons
        self.engineDecision = engineDecision
        self.pickedByRisk = pickedByRisk
    }

    public var engineDisagrees: Bool {
        engineDecision.map { DecisionRecords.disagree($0, record.decision) } ?? false
    }
}

/// Sampled versus total for one value of a CAMERA dimension.
public struct CoverageRow: Sendable, Codable, Hashable {
    public var value: String
    public var sampled: Int
    public var total: Int

    public init(value: String, sampled: Int, total: Int) {
        self.value = value
        self.sampled = sampled
        self.total = total
    }
}

/// One CAMERA dimension's coverage table, values in alphabetical order.
public struct DimensionCoverage: Sendable, Codable, Hashable {
    public var dimension: CameraDimension
    public var rows: [CoverageRow]

    public subscript(value: String) -> CoverageRow? { rows.first { $0.value == value } }
}

/// A sampling plan: which assessment decisions the IQA looks at, why, and how well they cover CAMERA.
public struct SamplingPlan: Sendable, Codable {
    public var policy: SamplingPolicy
    /// Assessor decisions the plan chose from (after the interim cut-off).
    public var population: Int
    /// Assessor decisions left out because they are dated after the interim cut-off.
    public var excludedAfterCutoff: Int
    /// Assessor decisions with an engine decision on the same item, and how many of those disagree.
    public var engineCompared: Int
    public var engineDisagreements: Int
    /// Sampled decisions, ordered by learner, unit, criterion (overall first), assessor, date.
    public var items: [SampledItem]
    /// One table per CAMERA dimension, in CAMERA order.
    public var coverage: [DimensionCoverage]

    public func coverage(_ dimension: CameraDimension) -> DimensionCoverage {
        coverage.first { $0.dimension == dimension } ?? DimensionCoverage(dimension: dimension, rows: [])
    }

    /// Values of any dimension sampled fewer than `policy.minimumPerValue` times (while having more records).
    public var gaps: [(dimension: CameraDimension, value: String)] {
        coverage.flatMap { c in
            c.rows.filter { $0.sampled < min(policy.minimumPerValue, $0.total) }.map { (c.dimension, $0.value) }
        }
    }
}

/// Builds risk-based CAMERA sampling plans.
public enum Sampler {
    /// The plan for `records` under `policy`. Only assessor decisions are sampled; the file's engine rows
    /// (and `engineDecisions`, keyed by learner and unit, for overall decisions; these take precedence)
    /// say where the engine disagrees. Same records, policy and seed → the same plan.
    public static func plan(records: [DecisionRecord], policy: SamplingPolicy = SamplingPolicy(),
                            engineDecisions: [LearnerUnit: String] = [:]) -> SamplingPlan {
        let cutoff = policy.stage == .interim ? policy.cutoff : nil
        func inScope(_ r: DecisionRecord) -> Bool { cutoff.map { r.date <= $0 } ?? true }

        // Engine decisions: from the file's engine rows (latest wins), then the caller's for overall decisions.
        struct ItemKey: Hashable { var learnerUnit: LearnerUnit; var criterion: String? }
        var engine: [ItemKey: DecisionRecord] = [:]
        for r in records where r.role == .engine && inScope(r) {
            let key = ItemKey(learnerUnit: r.learnerUnit, criterion: r.criterion)
            if let old = engine[key], (old.date, old.line) > (r.date, r.line) { continue }
            engine[key] = r
        }
        func engineDecision(_ r: DecisionRecord) -> String? {
            if r.criterion == nil, let given = engineDecisions[r.learnerUnit], let d = DecisionRecords.normaliseDecision(given) {
                return d
            }
            return engine[ItemKey(learnerUnit: r.learnerUnit, criterion: r.criterion)]?.decision
        }

        let assessed = records.filter { $0.role == .assessor }
        let population = assessed.filter(inScope).sorted(by: stableOrder)

        // Units new to an assessor: fewer than the threshold of distinct learners decided.
        var learnersByAssessorUnit: [String: Set<String>] = [:]
        for r in population { learnersByAssessorUnit["\(r.assessor)\u{0}\(r.unit)", default: []].insert(r.learner) }

        var rng = SplitMix64(seed: policy.seed)
        var chosen: [Int: SampledItem] = [:]   // index into population
        var compared = 0
        var disagreements = 0
        for (i, r) in population.enumerated() {
            let draw = rng.nextUnit() * 100   // drawn for every record, so raising a rate only ever adds records
            let engineSays = engineDecision(r)
            var factors: [(rate: Double, reason: String)] = []
            let statusRate = policy.rate(for: r.assessorStatus)
            switch r.assessorStatus {
            case .new: factors.append((statusRate, "new assessor (\(percent(statusRate)) rate)"))
            case .underActionPlan: factors.append((statusRate, "assessor under an action plan (\(percent(statusRate)) rate)"))
            case .experienced: factors.append((statusRate, "experienced assessor (\(percent(statusRate)) rate)"))
            case nil: factors.append((statusRate, "assessor status not recorded, so treated as new (\(percent(statusRate)) rate)"))
            }
            let decided = learnersByAssessorUnit["\(r.assessor)\u{0}\(r.unit)"]?.count ?? 0
            if decided < policy.newUnitThreshold {
                factors.append((policy.newUnitRate,
                                "new unit for this assessor: \(decided) learner\(decided == 1 ? "" : "s") decided, fewer than \(policy.newUnitThreshold) (\(percent(policy.newUnitRate)) rate)"))
            }
            if let engineSays {
                compared += 1
                if DecisionRecords.disagree(engineSays, r.decision) {
                    disagreements += 1
                    let rate = policy.engineDisagreementRate
                    factors.append((rate, "engine disagrees with the assessor" + (rate >= 100 ? "" : " (\(percent(rate)) rate)")))
                }
            }
            let reasons = factors.filter { draw < $0.rate }.sorted { $0.rate > $1.rate }.map(\.reason)
            if !reasons.isEmpty {
                chosen[i] = SampledItem(record: r, reasons: reasons, engineDecision: engineSays, pickedByRisk: true)
            }
        }

        // Coverage: add the earliest unsampled record for every value below the minimum.
        let earliestFirst = population.indices.sorted { a, b in
            let x = population[a], y = population[b]
            return (x.date, x.criterion == nil ? 0 : 1, a) < (y.date, y.criterion == nil ? 0 : 1, b)
        }
        for dimension in CameraDimension.fillOrder {
            var counts: [String: (sampled: Int, total: Int)] = [:]
            for (i, r) in population.enumerated() {
                guard let v = dimension.value(of: r) else { continue }
                counts[v, default: (0, 0)].total += 1
                if chosen[i] != nil { counts[v]!.sampled += 1 }
            }
            for value in counts.keys.sorted() {
                var sampled = counts[value]!.sampled
                let needed = min(policy.minimumPerValue, counts[value]!.total)
                var candidates = earliestFirst.filter { chosen[$0] == nil && dimension.value(of: population[$0]) == value }.makeIterator()
                while sampled < needed, let i = candidates.next() {
                    let r = population[i]
                    chosen[i] = SampledItem(record: r, reasons: [dimension.reason(value)], engineDecision: engineDecision(r),
                                            pickedByRisk: false)
                    sampled += 1
                }
            }
        }

        let items = chosen.keys.sorted().map { chosen[$0]! }
        let coverage = [CameraDimension.candidates, .assessors, .methods, .evidence, .records, .sites].map { dimension in
            var counts: [String: (sampled: Int, total: Int)] = [:]
            for (i, r) in population.enumerated() {
                guard let v = dimension.value(of: r) else { continue }
                counts[v, default: (0, 0)].total += 1
                if chosen[i] != nil { counts[v]!.sampled += 1 }
            }
            return DimensionCoverage(dimension: dimension, rows: counts.keys.sorted().map {
                CoverageRow(value: $0, sampled: counts[$0]!.sampled, total: counts[$0]!.total)
            })
        }
        return SamplingPlan(policy: policy, population: population.count,
                            excludedAfterCutoff: assessed.count - population.count, engineCompared: compared,
                            engineDisagreements: disagreements, items: items, coverage: coverage)
    }

    /// The stable order records are drawn in: learner, unit, criterion (overall first), assessor, date, then line.
    public static func stableOrder(_ a: DecisionRecord, _ b: DecisionRecord) -> Bool {
        let x = (a.learner, a.unit, a.criterion ?? "", a.assessor, a.date), y = (b.learner, b.unit, b.criterion ?? "", b.assessor, b.date)
        if x != y { return x < y }
        return (a.line, a.decision, a.method, a.site) < (b.line, b.decision, b.method, b.site)
    }
}

/// "100 %", "12.5 %".
func percent(_ rate: Double) -> String {
    let rounded = (rate * 10).rounded() / 10
    return (rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.1f", rounded)) + " %"
}
