import Foundation
import MarkbenchDiagnostics
import MarkbenchEngine
import MarkbenchQA
import MarkbenchReports
import RubricModel

/// A cohort at a glance: per learner the decision and criteria met; per criterion how many
/// learners evidence it; the commonest findings; where engine and assessor disagree.
///
/// Built one outcome at a time (`CohortSummary.Builder`): the per-learner rows can be spooled to
/// a file as they arrive, so a batch of 10,000 uses no more memory than a batch of 100; the
/// writers stream those rows back out.
public struct CohortSummary: Sendable, Codable {
    public struct Learner: Sendable, Codable, Hashable {
        public var learner, unit, file, status: String
        public var decision: String?
        public var assessor: String?
        public var assessorDecision: String?
        public var agreesWithAssessor: Bool?
        public var criteriaMet: Int
        public var criteriaTotal: Int
        public var criteria: [SubmissionOutcome.CriterionStatus]
        public var error: String?

        init(_ o: SubmissionOutcome) {
            learner = o.learner
            unit = o.unit
            file = o.file
            status = o.status
            decision = o.decision
            assessor = o.assessor
            assessorDecision = o.assessorDecision
            agreesWithAssessor = o.assessorDecision == nil || o.decision == nil ? nil : !o.disagrees
            criteriaMet = o.criteriaMet
            criteriaTotal = o.criteria.count
            criteria = o.criteria
            error = o.error
        }
    }
    public struct Coverage: Sendable, Codable {
        public var unit, criterion, text: String
        public var evidencing: Int
        public var marked: Int
    }
    public struct FindingCount: Sendable, Codable {
        public var ruleID: String
        public var submissions: Int
    }

    public var submissions: Int
    public var marked: Int
    public var failed: Int
    public var competent: Int
    public var coverage: [Coverage]
    public var commonFindings: [FindingCount]
    public var disagreements: [Learner]
    public var failures: [Learner]
    /// Engine versus assessor on the unit decision, where the manifest has one.
    public var agreementWithAssessors: Agreement?
    /// Units in the cohort, sorted.
    public var units: [String]
    /// The per-learner rows, in input order: in memory, or spooled to a JSON Lines file.
    private var rows: RowStore

    enum CodingKeys: String, CodingKey {
        case submissions, marked, failed, competent, coverage, commonFindings, disagreements, failures, agreementWithAssessors, units
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        submissions = try c.decode(Int.self, forKey: .submissions)
        marked = try c.decode(Int.self, forKey: .marked)
        failed = try c.decode(Int.self, forKey: .failed)
        competent = try c.decode(Int.self, forKey: .competent)
        coverage = try c.decode([Coverage].self, forKey: .coverage)
        commonFindings = try c.decode([FindingCount].self, forKey: .commonFindings)
        disagreements = try c.decode([Learner].self, forKey: .disagreements)
        failures = try c.decode([Learner].self, forKey: .failures)
        agreementWithAssessors = try c.decodeIfPresent(Agreement.self, forKey: .agreementWithAssessors)
        units = try c.decode([String].self, forKey: .units)
        rows = .memory([])
    }

    /// A summary of outcomes already in memory (small batches, tests).
    public init(outcomes: [SubmissionOutcome], rubrics: [String: Rubric]) {
        let builder = Builder(rubrics: rubrics, spool: nil)
        for (i, o) in outcomes.enumerated() { builder.add(index: i, outcome: o) }
        self = builder.finish()
    }

    /// Every learner row, in input order.
    public func forEachLearner(_ body: (Learner) throws -> Void) rethrows {
        switch rows {
        case .memory(let list):
            for l in list { try body(l) }
        case .spool(let path):
            guard let handle = FileHandle(forReadingAtPath: path) else { return }
            defer { try? handle.close() }
            var buffer = Data()
            let decoder = JSONDecoder()
            while true {
                let chunk = handle.readData(ofLength: 1 << 16)
                if chunk.isEmpty { break }
                buffer.append(chunk)
                while let newline = buffer.firstIndex(of: 0x0A) {
                    let line = buffer[buffer.startIndex..<newline]
                    buffer.removeSubrange(buffer.startIndex...newline)
                    if let l = try? decoder.decode(Learner.self, from: line) { try body(l) }
                }
            }
        }
    }

    /// All learner rows (reads the spool into memory: for small cohorts and tests).
    public var learners: [Learner] {
        var out: [Learner] = []
        forEachLearner { out.append($0) }
        return out
    }

    enum RowStore: Sendable {
        case memory([Learner])
        case spool(String)
    }

    // MARK: - Building

    /// Collects outcomes as they finish (in any order), releases them in input order, keeps only
    /// counts in memory when spooling.
    public final class Builder: @unchecked Sendable {
        private let lock = NSLock()
        private let rubrics: [String: Rubric]
        private let spoolPath: String?
        private let spool: FileHandle?
        private var pending: [Int: SubmissionOutcome] = [:]
        private var nextIndex = 0
        private var memory: [Learner] = []
        private var submissions = 0, marked = 0, failed = 0, competent = 0
        private var coverageCounts: [String: [String: Int]] = [:]
        private var markedPerUnit: [String: Int] = [:]
        private var units: Set<String> = []
        private var findingCounts: [String: Int] = [:]
        private var disagreements: [Learner] = []
        private var failures: [Learner] = []
        private var assessorSays: [Bool] = []
        private var engineSays: [Bool] = []
        private let encoder: JSONEncoder = {
            let e = JSONEncoder()
            e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            return e
        }()

        /// `spool`: a file to hold the per-learner rows (JSON Lines); nil keeps them in memory.
        public init(rubrics: [String: Rubric], spool: String?) {
            self.rubrics = rubrics
            if let spool, FileManager.default.createFile(atPath: spool, contents: nil) {
                spoolPath = spool
                self.spool = FileHandle(forWritingAtPath: spool)
            } else {
                spoolPath = nil
                self.spool = nil
            }
        }

        public func add(index: Int, outcome: SubmissionOutcome) {
            lock.lock(); defer { lock.unlock() }
            pending[index] = outcome
            while let next = pending.removeValue(forKey: nextIndex) {
                record(next)
                nextIndex += 1
            }
        }

        private func record(_ o: SubmissionOutcome) {
            submissions += 1
            units.insert(o.unit)
            let row = Learner(o)
            if o.status == "marked" {
                marked += 1
                markedPerUnit[o.unit, default: 0] += 1
                if o.decision == Decision.Outcome.competent.rawValue { competent += 1 }
                for c in o.criteria where c.status == EvidenceStatus.met.rawValue {
                    coverageCounts[o.unit, default: [:]][c.id, default: 0] += 1
                }
                for id in Set(o.findings) { findingCounts[id, default: 0] += 1 }
                if let a = o.assessorDecision, let d = o.decision {
                    assessorSays.append(a == "competent")
                    engineSays.append(d == Decision.Outcome.competent.rawValue)
                }
                if o.disagrees { disagreements.append(row) }
            } else {
                failed += 1
                failures.append(row)
            }
            if let spool, let data = try? encoder.encode(row) {
                spool.write(data)
                spool.write(Data([0x0A]))
            } else {
                memory.append(row)
            }
        }

        public func finish() -> CohortSummary {
            lock.lock(); defer { lock.unlock() }
            try? spool?.close()
            var coverage: [Coverage] = []
            for unit in units.sorted() {
                guard let rubric = rubrics[unit] else { continue }
                for c in rubric.criteria {
                    coverage.append(Coverage(unit: unit, criterion: c.id, text: c.text,
                                             evidencing: coverageCounts[unit]?[c.id] ?? 0, marked: markedPerUnit[unit] ?? 0))
                }
            }
            let common = findingCounts.map { FindingCount(ruleID: $0.key, submissions: $0.value) }
                .sorted { ($1.submissions, $0.ruleID) < ($0.submissions, $1.ruleID) }
            return CohortSummary(
                submissions: submissions, marked: marked, failed: failed, competent: competent, coverage: coverage,
                commonFindings: common, disagreements: disagreements, failures: failures,
                agreementWithAssessors: assessorSays.isEmpty ? nil : Agreement.cohen(assessorSays, engineSays),
                units: units.sorted(), rows: spoolPath.map { .spool($0) } ?? .memory(memory))
        }
    }

    private init(submissions: Int, marked: Int, failed: Int, competent: Int, coverage: [Coverage], commonFindings: [FindingCount],
                 disagreements: [Learner], failures: [Learner], agreementWithAssessors: Agreement?, units: [String], rows: RowStore) {
        self.submissions = submissions
        self.marked = marked
        self.failed = failed
        self.competent = competent
        self.coverage = coverage
        self.commonFindings = commonFindings
        self.disagreements = disagreements
        self.failures = failures
        self.agreementWithAssessors = agreementWithAssessors
        self.units = units
        self.rows = rows
    }

    // MARK: - Writers (streaming: each takes a sink for text)

    /// JSON: the summary's counts, then `learners`, one compact object per line.
    public func writeJSON(_ emit: (String) -> Void) throws {
        let pretty = JSONEncoder()
        pretty.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var head = String(decoding: try pretty.encode(self), as: UTF8.self)
        head.removeLast() // the closing brace
        while head.last?.isWhitespace == true { head.removeLast() }
        emit(head + ",\n  \"learners\" : [\n")
        let compact = JSONEncoder()
        compact.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var first = true
        try forEachLearner { l in
            emit((first ? "    " : ",\n    ") + String(decoding: try compact.encode(l), as: UTF8.self))
            first = false
        }
        emit("\n  ]\n}\n")
    }

    /// One row per submission: learner, unit, file, status, decision, assessor decision, agreement,
    /// criteria met, then one column per criterion of the cohort's units.
    public func writeCSV(_ emit: (String) -> Void) throws {
        let ids = coverage.map { "\($0.unit) \($0.criterion)" }
        emit(Escaping.csvRecord(["learner", "unit", "file", "status", "engine_decision", "assessor", "assessor_decision",
                           "agrees", "criteria_met", "criteria_total"] + ids + ["error"]))
        try forEachLearner { l in
            var row = [l.learner, l.unit, l.file, l.status, l.decision ?? "", l.assessor ?? "", l.assessorDecision ?? "",
                       l.agreesWithAssessor.map { $0 ? "yes" : "no" } ?? "", String(l.criteriaMet), String(l.criteriaTotal)]
            for c in coverage {
                row.append(c.unit == l.unit ? (l.criteria.first { $0.id == c.criterion }?.status ?? "") : "")
            }
            row.append(l.error ?? "")
            emit(Escaping.csvRecord(row))
        }
    }

    /// A self-contained page with the heat map of learners × criteria per unit.
    public func writeHTML(title: String = "Cohort summary", _ emit: (String) -> Void) {
        let e = CohortHTML.escape
        emit(CohortHTML.head(title: title))
        emit("<h1>\(e(title))</h1>\n")
        emit("<p class=\"meta\">\(submissions) submissions · \(marked) marked · \(failed) could not be read · \(competent) suggested competent</p>\n")
        if let a = agreementWithAssessors {
            emit("<p>Engine and assessors agree on \(a.agreed) of \(a.items) decisions (\(String(format: "%.0f", a.percent * 100)) %"
                 + (a.kappa.map { String(format: ", Cohen's κ %.2f", $0) } ?? "") + ").</p>\n")
        }
        for unit in units {
            let ids = coverage.filter { $0.unit == unit }
            var header = "<h2>\(e(unit))</h2>\n<table class=\"heat\"><tr><th>Learner</th><th>Engine</th><th>Assessor</th>"
            for c in ids { header += "<th title=\"\(e(c.text))\">\(e(c.criterion))</th>" }
            emit(header + "</tr>\n")
            forEachLearner { l in
                guard l.unit == unit, l.status == "marked" else { return }
                let flag = l.agreesWithAssessor == false ? " class=\"disagree\"" : ""
                var row = "<tr\(flag)><td>\(e(l.learner))<div class=\"muted\">\(e((l.file as NSString).lastPathComponent))</div></td>"
                row += "<td>\(CohortHTML.decision(l.decision))</td><td>\(CohortHTML.decision(l.assessorDecision?.replacingOccurrences(of: " ", with: "-")))</td>"
                for c in ids {
                    let status = l.criteria.first { $0.id == c.criterion }?.status ?? "not-met"
                    row += "<td class=\"cell \(status)\">\(status == "met" ? "●" : status == "partly-met" ? "◐" : "○")</td>"
                }
                emit(row + "</tr>\n")
            }
            var total = "<tr class=\"total\"><td>Learners evidencing</td><td></td><td></td>"
            for c in ids {
                let share = c.marked == 0 ? 0 : Double(c.evidencing) / Double(c.marked)
                total += "<td style=\"background: rgba(22,163,74,\(String(format: "%.2f", 0.15 + 0.6 * share)))\">\(c.evidencing)/\(c.marked)</td>"
            }
            emit(total + "</tr>\n</table>\n")
        }
        emit("<p class=\"legend\"><span class=\"cell met\">● met</span> <span class=\"cell partly-met\">◐ partly met</span> <span class=\"cell not-met\">○ not met</span> <span class=\"disagree\">&nbsp;engine and assessor disagree&nbsp;</span></p>\n")
        if !disagreements.isEmpty {
            emit("<h2>Where the engine and the assessor disagree</h2>\n<table><tr><th>Learner</th><th>Unit</th><th>Assessor</th><th>Assessor's decision</th><th>Engine</th><th>Criteria met</th></tr>\n")
            for d in disagreements {
                emit("<tr><td>\(e(d.learner))</td><td>\(e(d.unit))</td><td>\(e(d.assessor ?? ""))</td><td>\(e(d.assessorDecision ?? ""))</td><td>\(CohortHTML.decision(d.decision))</td><td>\(d.criteriaMet)/\(d.criteriaTotal)</td></tr>\n")
            }
            emit("</table>\n")
        }
        emit("<h2>Most common findings</h2>\n<table><tr><th>Rule</th><th>Submissions</th></tr>\n")
        for f in commonFindings.prefix(15) { emit("<tr><td><code>\(e(f.ruleID))</code></td><td>\(f.submissions)</td></tr>\n") }
        emit("</table>\n")
        if !failures.isEmpty {
            emit("<h2>Could not be marked</h2>\n<ul>\n")
            for f in failures { emit("<li>\(e(f.file)): \(e(f.error ?? ""))</li>\n") }
            emit("</ul>\n")
        }
        emit(CohortHTML.tail)
    }

    // String conveniences (small cohorts, tests).
    public func json() throws -> String { var s = ""; try writeJSON { s += $0 }; return s }
    public func csv() throws -> String { var s = ""; try writeCSV { s += $0 }; return s }
    public func html(title: String = "Cohort summary") -> String { var s = ""; writeHTML(title: title) { s += $0 }; return s }
}

enum CohortHTML {
    static func escape(_ s: String) -> String { Escaping.html(s) }

    static func decision(_ d: String?) -> String {
        switch d {
        case "competent": "<span class=\"badge ok\">C</span>"
        case "not-yet-competent": "<span class=\"badge no\">NYC</span>"
        default: "—"
        }
    }

    static func head(title: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en-GB">
        <head>
        <meta charset="utf-8">
        <title>\(escape(title))</title>
        <style>
        body { font: 14px/1.45 -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #1f2933; max-width: 1200px; margin: 24px auto; padding: 0 20px; }
        h1 { font-size: 1.5em; } h2 { font-size: 1.15em; margin-top: 26px; border-bottom: 2px solid #d9dee3; }
        table { border-collapse: collapse; margin: 8px 0; } th, td { border: 1px solid #d9dee3; padding: 5px 8px; text-align: left; vertical-align: top; }
        th { background: #f3f5f7; } .muted { color: #52606d; font-size: .85em; } .meta { color: #52606d; }
        .heat td.cell { text-align: center; font-size: 1.1em; width: 44px; }
        .cell.met { background: #bbf7d0; } .cell.partly-met { background: #fef08a; } .cell.not-met { background: #fecaca; }
        tr.disagree td:first-child, span.disagree { outline: 3px solid #f97316; }
        tr.total td { font-weight: 600; text-align: center; } td.failed { color: #7f1d1d; background: #fef2f2; }
        .badge { padding: 1px 8px; border-radius: 10px; font-weight: 600; font-size: .9em; }
        .ok { background: #dcfce7; color: #14532d; } .no { background: #fee2e2; color: #7f1d1d; }
        .legend span { padding: 2px 8px; margin-right: 6px; }
        @page { size: A4 landscape; margin: 12mm; }
        @media print { body { margin: 0; max-width: none; } tr { break-inside: avoid; } * { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
        </style>
        </head>
        <body>

        """
    }

    static let tail = "</body>\n</html>\n"
}
