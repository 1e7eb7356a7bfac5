import MarkbenchEngine

/// The assessor's report as Markdown: decision and why, a decision grid with quoted evidence
/// and line numbers, the flags to look at, and space for the assessor's own decision.
public enum AssessorMarkdownReport: Reporter {
    public static let identifier = "assessor-markdown"

    public static func render(_ input: ReportInput, options: RenderOptions) -> String {
        let r = input.result
        let md = Text.escapeMarkdown
        var out = ""
        func line(_ s: String = "") { out += s + "\n" }
        func cell(_ s: String) -> String { md(s).replacingOccurrences(of: "\n", with: " ") }

        line("# Assessment report: \(md(r.account.name))")
        line()
        line("**Unit:** \(md(r.rubric.title)) (`\(r.rubric.id)` v\(r.rubric.version))  ")
        line("**Suggested decision:** \(Text.decision(r.decision.outcome)) — confidence \(r.decision.confidence.level.rawValue): \(md(r.decision.confidence.reason))  ")
        line("**Decision rule:** \(md(r.decision.rule))")
        line()
        line("| Condition | Holds | Detail |")
        line("|---|---|---|")
        for c in r.decision.conditions { line("| \(cell(c.description)) | \(c.holds ? "yes" : "**no**") | \(cell(c.detail)) |") }
        line()
        line("## Decision grid")
        line()
        line("| Criterion | Command word | Status | Evidence | Rule |")
        line("|---|---|---|---|---|")
        for t in r.criteria + r.markingPoints {
            let evidence = t.evidence.first.map { "line \($0.line): “\(cell(Text.shorten($0.quote, 120)))”" } ?? "—"
            let rule = t.rules.max { $0.status < $1.status }
            var why = rule?.ruleID ?? "—"
            if t.status != .met, let rule {
                let missing = rule.conditions.filter { !$0.holds }.map(\.label)
                if !missing.isEmpty { why += ": missing " + missing.joined(separator: "; ") }
            }
            line("| **\(t.id)** \(cell(Text.shorten(t.text, 90))) | \(t.commandWord ?? "—") | \(Text.status(t.status)) | \(evidence) | \(cell(why)) |")
        }
        line()
        line("## Flags to look at")
        line()
        let flags = r.findings.filter { $0.severity != .info }.sorted { ($1.severity, $0.evidence?.start ?? 0) < ($0.severity, $1.evidence?.start ?? 0) }
        if flags.isEmpty { line("None.") }
        for f in flags {
            let place = f.evidence.map { "line \($0.line)" } ?? "whole account"
            line("- **\(f.severity == .major ? "Warning" : "Note")** (\(place)): \(md(f.message)) `\(f.ruleID)`")
            if let advice = f.advice { line("  - \(md(advice))") }
        }
        line()
        line("## Structure and evidence quality")
        line()
        for part in r.star.parts {
            let quote = part.sentences.first.map { " — line \($0.line): “\(md(Text.shorten($0.quote, 100)))”" } ?? ""
            line("- **\(part.part.capitalized):** \(part.strength.rawValue)\(quote)")
        }
        line("- **Ownership:** \(r.ownership.verdict.rawValue) (\(r.ownership.iActions) “I” actions, \(r.ownership.weActions) “we” actions)")
        line("- **Measured result:** \(r.measuredResults.quantified ? "yes" : "no")"
             + (r.measuredResults.results.first.map { " — line \($0.line): “\(md(Text.shorten($0.quote, 100)))”" } ?? ""))
        line("- **Reflection:** \(r.reflection.present ? r.reflection.kinds.joined(separator: ", ") : "none")")
        line("- **Context:** \(r.context.specificSentences) specific, \(r.context.genericSentences) generic, \(r.context.hypotheticalSentences) hypothetical sentences")
        if !r.references.isEmpty {
            line()
            line("## The learner's criterion references")
            line()
            line("| Written | Line | Criterion | Exists | Supported | Why |")
            line("|---|---|---|---|---|---|")
            for ref in r.references {
                for t in ref.targets {
                    line("| \(cell(ref.written)) | \(ref.evidence.line) | \(t.id) | \(t.exists ? "yes" : "**no**") | \(t.supported ? "yes" : "**no**") | \(cell(t.reason)) |")
                }
            }
        }
        line()
        line("## Assessor's decision")
        line()
        line("- [ ] Competent")
        line("- [ ] Not yet competent")
        line()
        line("**Comments:**")
        line()
        line("&nbsp;")
        line()
        line("&nbsp;")
        line()
        line("Assessor: ____________________  Date: ____________")
        return out
    }
}
