import CSV
import Foundation
import MarkbenchEngine
import MarkbenchQA
import MarkbenchReports
import RubricModel

/// A cohort at a glance: per learner the decision and criteria met; per criterion how many
/// learners evidence it; the commonest findings; where engine and assessor disagree.
public struct CohortSummary: Sendable, Codable {
    public struct Learner: Sendable, Codable {
        public var learner, unit, file, status: String
        public var decision: String?
        public var assessor: String?
        public var assessorDecision: String?
        public var agreesWithAssessor: Bool?
        public var criteriaMet: Int
        public var criteriaTotal: Int
        public var criteria: [SubmissionOutcome.CriterionStatus]
        public var error: String?
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
    public var learners: [Learner]
    public var coverage: [Coverage]
    public var commonFindings: [FindingCount]
    public var disagreements: [Learner]
    /// Engine versus assessor on the unit decision, where the manifest has one.
    public var agreementWithAssessors: Agreement?

    public init(outcomes: [SubmissionOutcome], rubrics: [String: Rubric]) {
        submissions = outcomes.count
        marked = outcomes.filter { $0.status == "marked" }.count
        failed = submissions - marked
        competent = outcomes.filter { $0.decision == Decision.Outcome.competent.rawValue }.count
        learners = outcomes.map { o in
            Learner(learner: o.learner, unit: o.unit, file: o.file, status: o.status, decision: o.decision, assessor: o.assessor,
                    assessorDecision: o.assessorDecision,
                    agreesWithAssessor: o.assessorDecision == nil || o.decision == nil ? nil : !o.disagrees,
                    criteriaMet: o.criteriaMet, criteriaTotal: o.criteria.count, criteria: o.criteria, error: o.error)
        }
        var coverage: [Coverage] = []
        for unit in Array(Set(outcomes.map(\.unit))).sorted() {
            guard let rubric = rubrics[unit] else { continue }
            let markedHere = outcomes.filter { $0.unit == unit && $0.status == "marked" }
            for c in rubric.criteria {
                let n = markedHere.filter { o in o.criteria.contains { $0.id == c.id && $0.status == EvidenceStatus.met.rawValue } }.count
                coverage.append(Coverage(unit: unit, criterion: c.id, text: c.text, evidencing: n, marked: markedHere.count))
            }
        }
        self.coverage = coverage
        var counts: [String: Int] = [:]
        for o in outcomes { for id in Set(o.findings) { counts[id, default: 0] += 1 } }
        commonFindings = counts.map { FindingCount(ruleID: $0.key, submissions: $0.value) }
            .sorted { ($1.submissions, $0.ruleID) < ($0.submissions, $1.ruleID) }
        disagreements = learners.filter { $0.agreesWithAssessor == false }
        let paired = outcomes.filter { $0.assessorDecision != nil && $0.decision != nil }
        agreementWithAssessors = paired.isEmpty ? nil : Agreement.cohen(
            paired.map { $0.assessorDecision == "competent" }, paired.map { $0.decision == Decision.Outcome.competent.rawValue })
    }

    // MARK: - Writers

    public func json() throws -> String { try JSON.encode(self) + "\n" }

    /// One row per submission: learner, unit, file, status, decision, assessor decision, agreement,
    /// criteria met, then one column per criterion id seen in the cohort.
    public func csv() throws -> String {
        let stream = OutputStream(toMemory: ())
        let writer = try CSVWriter(stream: stream)
        var ids: [String] = []
        for c in coverage where !ids.contains("\(c.unit) \(c.criterion)") { ids.append("\(c.unit) \(c.criterion)") }
        try writer.write(row: ["learner", "unit", "file", "status", "engine_decision", "assessor", "assessor_decision",
                               "agrees", "criteria_met", "criteria_total"] + ids + ["error"])
        for l in learners {
            var row = [l.learner, l.unit, l.file, l.status, l.decision ?? "", l.assessor ?? "", l.assessorDecision ?? "",
                       l.agreesWithAssessor.map { $0 ? "yes" : "no" } ?? "", String(l.criteriaMet), String(l.criteriaTotal)]
            for id in ids {
                let parts = id.split(separator: " ")
                row.append(String(parts[0]) == l.unit ? (l.criteria.first { $0.id == String(parts[1]) }?.status ?? "") : "")
            }
            row.append(l.error ?? "")
            try writer.write(row: row)
        }
        writer.stream.close()
        let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// A self-contained page with the heat map of learners × criteria.
    public func html(title: String = "Cohort summary") -> String {
        let e = CohortHTML.escape
        var b = "<h1>\(e(title))</h1>\n"
        b += "<p class=\"meta\">\(submissions) submissions · \(marked) marked · \(failed) could not be read · \(competent) suggested competent</p>\n"
        if let a = agreementWithAssessors {
            b += "<p>Engine and assessors agree on \(a.agreed) of \(a.items) decisions (\(String(format: "%.0f", a.percent * 100)) %"
                + (a.kappa.map { String(format: ", Cohen's κ %.2f", $0) } ?? "") + ").</p>\n"
        }
        for unit in Array(Set(learners.map(\.unit))).sorted() {
            let ids = coverage.filter { $0.unit == unit }
            b += "<h2>\(e(unit))</h2>\n<table class=\"heat\"><tr><th>Learner</th><th>Engine</th><th>Assessor</th>"
            for c in ids { b += "<th title=\"\(e(c.text))\">\(e(c.criterion))</th>" }
            b += "</tr>\n"
            for l in learners where l.unit == unit {
                let flag = l.agreesWithAssessor == false ? " class=\"disagree\"" : ""
                b += "<tr\(flag)><td>\(e(l.learner))<div class=\"muted\">\(e((l.file as NSString).lastPathComponent))</div></td>"
                if l.status == "failed" {
                    b += "<td colspan=\"\(2 + ids.count)\" class=\"failed\">\(e(l.error ?? "could not be read"))</td></tr>\n"
                    continue
                }
                b += "<td>\(CohortHTML.decision(l.decision))</td><td>\(CohortHTML.decision(l.assessorDecision?.replacingOccurrences(of: " ", with: "-")))</td>"
                for c in ids {
                    let status = l.criteria.first { $0.id == c.criterion }?.status ?? "not-met"
                    b += "<td class=\"cell \(status)\">\(status == "met" ? "●" : status == "partly-met" ? "◐" : "○")</td>"
                }
                b += "</tr>\n"
            }
            b += "<tr class=\"total\"><td>Learners evidencing</td><td></td><td></td>"
            for c in ids {
                let share = c.marked == 0 ? 0 : Double(c.evidencing) / Double(c.marked)
                b += "<td style=\"background: rgba(22,163,74,\(String(format: "%.2f", 0.15 + 0.6 * share)))\">\(c.evidencing)/\(c.marked)</td>"
            }
            b += "</tr>\n</table>\n"
        }
        b += "<p class=\"legend\"><span class=\"cell met\">● met</span> <span class=\"cell partly-met\">◐ partly met</span> <span class=\"cell not-met\">○ not met</span> <span class=\"disagree\">&nbsp;engine and assessor disagree&nbsp;</span></p>\n"
        if !disagreements.isEmpty {
            b += "<h2>Where the engine and the assessor disagree</h2>\n<table><tr><th>Learner</th><th>Unit</th><th>Assessor</th><th>Assessor's decision</th><th>Engine</th><th>Criteria met</th></tr>\n"
            for d in disagreements {
                b += "<tr><td>\(e(d.learner))</td><td>\(e(d.unit))</td><td>\(e(d.assessor ?? ""))</td><td>\(e(d.assessorDecision ?? ""))</td><td>\(CohortHTML.decision(d.decision))</td><td>\(d.criteriaMet)/\(d.criteriaTotal)</td></tr>\n"
            }
            b += "</table>\n"
        }
        b += "<h2>Most common findings</h2>\n<table><tr><th>Rule</th><th>Submissions</th></tr>\n"
        for f in commonFindings.prefix(15) { b += "<tr><td><code>\(e(f.ruleID))</code></td><td>\(f.submissions)</td></tr>\n" }
        b += "</table>\n"
        let failures = learners.filter { $0.status == "failed" }
        if !failures.isEmpty {
            b += "<h2>Could not be marked</h2>\n<ul>\n"
            for f in failures { b += "<li>\(e(f.file)): \(e(f.error ?? ""))</li>\n" }
            b += "</ul>\n"
        }
        return CohortHTML.page(title: title, body: b)
    }
}

enum CohortHTML {
    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    static func decision(_ d: String?) -> String {
        switch d {
        case "competent": "<span class=\"badge ok\">C</span>"
        case "not-yet-competent": "<span class=\"badge no\">NYC</span>"
        default: "—"
        }
    }

    static func page(title: String, body: String) -> String {
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
        \(body)
        </body>
        </html>

        """
    }
}
