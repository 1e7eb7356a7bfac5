import MarkbenchEngine

/// A plain terminal report of one marking result, in compiler-diagnostic style
/// (`file:line:col: note: …`). Renders; never re-judges.
public enum PlainReport {
    public static func render(_ r: MarkingResult) -> String {
        var out = ""
        func line(_ s: String = "") { out += s + "\n" }
        let decision = r.decision.outcome == .competent ? "COMPETENT" : "NOT YET COMPETENT"
        line("\(r.account.name): \(r.rubric.title) [\(r.rubric.id) v\(r.rubric.version)]")
        line("Suggested decision: \(decision) (confidence \(r.decision.confidence.level.rawValue): \(r.decision.confidence.reason))")
        for c in r.decision.conditions { line("  [\(c.holds ? "x" : " ")] \(c.description): \(c.detail)") }
        line()
        line("Criteria")
        for t in r.criteria + r.markingPoints {
            let mark = t.status == .met ? "MET   " : t.status == .partlyMet ? "PARTLY" : "NOT   "
            line("  \(mark) \(t.id)\(t.commandWord.map { " [\($0)]" } ?? "")  \(shorten(t.text, 70))")
            if let e = t.evidence.first {
                line("         \(r.account.name):\(e.line):\(e.column): \"\(shorten(e.quote, 90))\"")
            }
            if t.status != .met, let rule = t.rules.first {
                let missing = rule.conditions.filter { !$0.holds }.map(\.label)
                if !missing.isEmpty { line("         missing (\(rule.ruleID)): \(missing.joined(separator: "; "))") }
            }
        }
        line()
        let star = r.star.parts.map { "\($0.part.prefix(1).uppercased())=\($0.strength.rawValue)" }.joined(separator: " ")
        line("STAR: \(star)\(r.star.inOrder ? "" : " (out of order)")")
        line("Ownership: \(r.ownership.verdict.rawValue) (\(r.ownership.iActions) I / \(r.ownership.weActions) we)")
        line("Measured result: \(r.measuredResults.quantified ? "yes" : "no")\(r.measuredResults.kpis.isEmpty ? "" : "; KPIs: " + r.measuredResults.kpis.joined(separator: ", "))")
        line("Reflection: \(r.reflection.present ? r.reflection.kinds.joined(separator: ", ") : "none")")
        if !r.references.isEmpty {
            line("References: " + r.references.flatMap { ref in ref.targets.map { "\($0.id)\($0.exists ? ($0.supported ? " ✓" : " unsupported") : " (no such criterion)")" } }
                .joined(separator: ", "))
        }
        if !r.findings.isEmpty {
            line()
            for f in r.findings {
                let position = f.evidence.map { "\(r.account.name):\($0.line):\($0.column)" } ?? r.account.name
                let kind = f.severity == .major ? "warning" : "note"
                line("\(position): \(kind): \(f.message) [\(f.ruleID)]")
                if let advice = f.advice { line("    → \(advice)") }
            }
        }
        return out
    }

    static func shorten(_ s: String, _ n: Int) -> String { s.count <= n ? s : String(s.prefix(n - 1)) + "…" }
}
