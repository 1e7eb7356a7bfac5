import Foundation
import MarkbenchDiagnostics

/// The engine's decisions from a batch run's `cohort-summary.json` (written by
/// `markbench mark --manifest … -o DIR`), as decision records the IQA tools can compare.
public enum EngineDecisions {
    /// One record per learner-unit (overall) and per criterion, with the rater "engine".
    public static func read(_ path: String) throws(DiagnosticError) -> [DecisionRecord] {
        let start = SourceLocation(file: path, line: 1, column: 1)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DiagnosticError(Diagnostic(code: "engine.not-found", at: start, "no such file",
                                             hint: "give the cohort-summary.json written by `markbench mark --manifest … -o DIR`"))
        }
        guard let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let learners = root["learners"] as? [[String: Any]] else {
            throw DiagnosticError(Diagnostic(code: "engine.not-a-summary", at: start,
                                             "this is not a Markbench cohort summary (no \"learners\" list)",
                                             hint: "give the cohort-summary.json from a batch run"))
        }
        var out: [DecisionRecord] = []
        for (i, row) in learners.enumerated() {
            guard row["status"] as? String == "marked", let learner = row["learner"] as? String,
                  let unit = row["unit"] as? String, let decision = row["decision"] as? String else { continue }
            func record(_ criterion: String?, _ decision: String) -> DecisionRecord {
                DecisionRecord(learner: learner, unit: unit, criterion: criterion, assessor: "engine", role: .engine,
                               decision: decision, method: "reflective account", evidence: nil, site: "", date: "",
                               assessorStatus: nil, candidateGroup: nil, line: i + 1)
            }
            out.append(record(nil, decision == "competent" ? "competent" : "not yet competent"))
            for c in row["criteria"] as? [[String: Any]] ?? [] {
                guard let id = c["id"] as? String, let status = c["status"] as? String else { continue }
                out.append(record(id, status == "met" ? "competent" : "not yet competent"))
            }
        }
        return out
    }

    /// Overall engine decisions by learner and unit, for sampling.
    public static func overall(_ records: [DecisionRecord]) -> [LearnerUnit: String] {
        var out: [LearnerUnit: String] = [:]
        for r in records where r.role == .engine && r.criterion == nil { out[r.learnerUnit] = r.decision }
        return out
    }
}
