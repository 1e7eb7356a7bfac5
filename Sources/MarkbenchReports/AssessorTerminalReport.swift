import MarkbenchEngine

/// The assessor's report for a terminal, in compiler-diagnostic style
/// (`file:line:col: warning: …`). Colour only when asked (a terminal, no NO_COLOR).
public enum AssessorTerminalReport: Reporter {
    public static let identifier = "assessor-terminal"

    public static func render(_ input: ReportInput, options: RenderOptions) -> String {
        let r = input.result
        let st = TerminalStyle(colour: options.colour)
        let name = r.account.name
        var out = ""
        func line(_ s: String = "") { out += s + "\n" }
        let decision = r.decision.outcome == .competent ? st.green("COMPETENT") : st.red("NOT YET COMPETENT")
        line(st.bold("\(name)") + ": \(r.rubric.title) [\(r.rubric.id) v\(r.rubric.version)]")
        line("Suggested decision: \(st.bold(decision)) (confidence \(r.decision.confidence.level.rawValue): \(r.decision.confidence.reason))")
        for c in r.decision.conditions {
            line("  \(c.holds ? st.green("[x]") : st.red("[ ]")) \(c.description): \(c.detail)")
        }
        line()
        line(st.bold("Criteria"))
        for t in r.criteria + r.markingPoints {
            let s: EvidenceStatusText = t.status == .met ? .met : t.status == .partlyMet ? .partly : .not
            line("  \(st.status(s)) \(st.bold(t.id))\(t.commandWord.map { " [\($0)]" } ?? "")  \(Text.shorten(t.text, 70))")
            if let e = t.evidence.first {
                line("         \(st.dim("\(name):\(e.line):\(e.column):")) \"\(Text.shorten(e.quote, 90))\"")
            }
            if t.status != .met, let rule = t.rules.max(by: { $0.status < $1.status }) {
                let missing = rule.conditions.filter { !$0.holds }.map(\.label)
                if !missing.isEmpty { line("         \(st.dim("missing (\(rule.ruleID)):")) \(missing.joined(separator: "; "))") }
            }
        }
        line()
        let star = r.star.parts.map { "\($0.part.prefix(1).uppercased())=\($0.strength.rawValue)" }.joined(separator: " ")
        line("STAR: \(star)\(r.star.inOrder ? "" : " (out of order)")")
        line("Ownership: \(r.ownership.verdict.rawValue) (\(r.ownership.iActions) I / \(r.ownership.weActions) we)")
        let kpis = r.measuredResults.kpis.isEmpty ? "" : "; measures named: " + r.measuredResults.kpis.joined(separator: ", ")
        line("Measured result: \(r.measuredResults.quantified ? "yes" : "no")\(kpis)")
        line("Reflection: \(r.reflection.present ? r.reflection.kinds.joined(separator: ", ") : "none")")
        if !r.references.isEmpty {
            let refs = r.references.flatMap { ref in
                ref.targets.map { "\($0.id)\($0.exists ? ($0.supported ? " ✓" : " unsupported") : " (no such criterion)")" }
            }
            line("References: " + refs.joined(separator: ", "))
        }
        if !r.findings.isEmpty {
            line()
            for f in r.findings {
                let position = f.evidence.map { "\(name):\($0.line):\($0.column)" } ?? name
                let kind = f.severity == .major ? st.yellow("warning") : st.cyan("note")
                line("\(st.bold(position + ":")) \(kind): \(f.message) \(st.dim("[\(f.ruleID)]"))")
                if let advice = f.advice { line("    → \(advice)") }
            }
        }
        return out
    }
}
