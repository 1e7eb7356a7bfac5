import MarkbenchEngine

/// The learner's self-check as Markdown: What went well / Even better if, one next step per gap,
/// misconceptions with their correction, references to check. Never a grade.
public enum LearnerMarkdownReport: Reporter {
    public static let identifier = "learner-markdown"

    public static func render(_ input: ReportInput, options: RenderOptions) -> String {
        let f = LearnerFeedback(input)
        let md = Text.escapeMarkdown
        var out = ""
        func line(_ s: String = "") { out += s + "\n" }
        line("# Your draft: \(md(f.account)) — \(f.verdict)")
        line()
        line("**Unit:** \(md(f.unit))")
        line()
        line(f.ready ? "Your draft shows every assessment criterion. Read the points below, then submit it."
                     : "Your draft is not ready yet. The points under *Even better if* say what to add, one step at a time.")
        line()
        line("## What went well")
        line()
        if f.wentWell.isEmpty { line("- You have made a start: keep going with the steps below.") }
        for p in f.wentWell {
            line("- \(md(p.text))" + (p.quote.map { " (line \(p.line ?? 0): “\(md(Text.shorten($0, 110)))”)" } ?? ""))
        }
        line()
        line("## Even better if")
        line()
        if f.evenBetterIf.isEmpty { line("- Nothing essential is missing. You could still add more detail or numbers.") }
        for g in f.evenBetterIf {
            line("### \(md(g.title))")
            line()
            line("- **Missing in this draft:** \(md(g.missing))")
            line("- **Next step:** \(md(g.nextStep))")
            if let tip = g.tip { line("- **From your unit guidance:** \(md(tip))") }
            line()
        }
        if !f.misconceptions.isEmpty {
            line("## Misconceptions to put right")
            line()
            for m in f.misconceptions {
                line("- \(m.line.map { "Line \($0): " } ?? "")\(md(m.text))")
                line("  - \(md(m.correction))")
            }
            line()
        }
        if !f.references.isEmpty {
            line("## Criterion references to check")
            line()
            for ref in f.references { line("- Line \(ref.line), “\(md(ref.written))”: \(md(ref.problem))") }
            line()
        }
        return out
    }
}

/// The learner's self-check for a terminal.
public enum LearnerTerminalReport: Reporter {
    public static let identifier = "learner-terminal"

    public static func render(_ input: ReportInput, options: RenderOptions) -> String {
        let f = LearnerFeedback(input)
        let st = TerminalStyle(colour: options.colour)
        var out = ""
        func line(_ s: String = "") { out += s + "\n" }
        line(st.bold(f.account) + ": " + (f.ready ? st.green("ready to submit") : st.yellow("not ready yet")))
        line(st.dim(f.unit))
        line()
        line(st.bold("What went well"))
        for p in f.wentWell {
            line("  ✓ \(p.text)" + (p.line.map { st.dim(" (line \($0))") } ?? ""))
        }
        if f.wentWell.isEmpty { line("  You have made a start: keep going with the steps below.") }
        line()
        line(st.bold("Even better if"))
        if f.evenBetterIf.isEmpty { line("  Nothing essential is missing.") }
        for g in f.evenBetterIf {
            line("  • \(st.bold(g.title))")
            line("    missing: \(g.missing)")
            line("    next step: \(g.nextStep)")
            if let tip = g.tip { line(st.dim("    tip: \(tip)")) }
        }
        if !f.misconceptions.isEmpty {
            line()
            line(st.bold("Misconceptions to put right"))
            for m in f.misconceptions {
                line("  \(f.account):\(m.line ?? 1): \(m.text)")
                line("    → \(m.correction)")
            }
        }
        if !f.references.isEmpty {
            line()
            line(st.bold("Criterion references to check"))
            for ref in f.references { line("  \(f.account):\(ref.line): \(ref.problem)") }
        }
        return out
    }
}
