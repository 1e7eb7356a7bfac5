import MarkbenchEngine

/// The assessor's report as one self-contained HTML page: decision and why, the decision grid,
/// a coverage table (criteria × paragraphs), the account itself with STAR highlighting,
/// criterion tags and findings in the margin, and a box for the assessor's decision.
public enum AssessorHTMLReport: Reporter {
    public static let identifier = "assessor-html"

    public static func render(_ input: ReportInput, options: RenderOptions) -> String {
        let r = input.result
        let e = Text.escapeHTML
        var b = ""
        b += "<h1>Assessment report: \(e(r.account.name))</h1>\n"
        b += "<p class=\"meta\">\(e(r.rubric.title)) · <code>\(e(r.rubric.id))</code> v\(e(r.rubric.version)) · \(r.account.words) words</p>\n"
        b += "<p>Suggested decision: \(HTMLPage.badge(r.decision.outcome)) <span class=\"muted\">confidence \(r.decision.confidence.level.rawValue): \(e(r.decision.confidence.reason))</span></p>\n"
        b += "<p class=\"muted\">Rule: \(e(r.decision.rule))</p>\n<ul>\n"
        for c in r.decision.conditions {
            b += "<li>\(c.holds ? "✔" : "✘") \(e(c.description)) <span class=\"muted\">(\(e(c.detail)))</span></li>\n"
        }
        b += "</ul>\n<h2>Decision grid</h2>\n<table><tr><th>Criterion</th><th>Command word</th><th>Status</th><th>Evidence</th><th>Rule</th></tr>\n"
        for t in r.criteria + r.markingPoints {
            let evidence = t.evidence.prefix(2).map { "<div class=\"quote\">line \($0.line): “\(e(Text.shorten($0.quote, 160)))”</div>" }.joined()
            let rule = t.rules.max { $0.status < $1.status }
            var why = e(rule?.ruleID ?? "—")
            if t.status != .met, let rule {
                let missing = rule.conditions.filter { !$0.holds }.map(\.label)
                if !missing.isEmpty { why += "<div class=\"muted\">missing: \(e(missing.joined(separator: "; ")))</div>" }
            }
            b += "<tr><td><b>\(e(t.id))</b> \(e(Text.shorten(t.text, 140)))</td><td>\(e(t.commandWord ?? "—"))</td><td>\(HTMLPage.status(t.status))</td><td>\(evidence.isEmpty ? "—" : evidence)</td><td>\(why)</td></tr>\n"
        }
        b += "</table>\n"

        // Coverage: criteria × paragraphs.
        let paragraphs = Array(Set(r.sentences.map(\.paragraph))).sorted()
        b += "<h2>Coverage</h2>\n<table><tr><th>Criterion</th>"
        for p in paragraphs { b += "<th class=\"c\">P\(p + 1)</th>" }
        b += "</tr>\n"
        for t in r.criteria + r.markingPoints {
            b += "<tr><td><b>\(e(t.id))</b> \(HTMLPage.status(t.status))</td>"
            for p in paragraphs {
                let hit = r.sentences.contains { $0.paragraph == p && $0.evidences.contains(t.id) }
                b += "<td class=\"c\">\(hit ? "●" : "")</td>"
            }
            b += "</tr>\n"
        }
        b += "</table>\n"

        b += "<h2>Flags to look at</h2>\n"
        let flags = r.findings.filter { $0.severity != .info }
        if flags.isEmpty { b += "<p>None.</p>\n" } else {
            b += "<ul>\n"
            for f in flags.sorted(by: { ($1.severity, $0.evidence?.start ?? 0) < ($0.severity, $1.evidence?.start ?? 0) }) {
                let place = f.evidence.map { "line \($0.line)" } ?? "whole account"
                b += "<li><b>\(f.severity == .major ? "Warning" : "Note")</b> (\(place)): \(e(f.message)) <code>\(e(f.ruleID))</code>"
                if let advice = f.advice { b += "<div class=\"muted\">\(e(advice))</div>" }
                b += "</li>\n"
            }
            b += "</ul>\n"
        }

        b += "<h2>Structure and evidence quality</h2>\n<table><tr><th>STAR part</th><th>Strength</th><th>Example</th></tr>\n"
        for part in r.star.parts {
            b += "<tr><td><span class=\"star-\(part.part)\">\(part.part.capitalized)</span></td><td>\(part.strength.rawValue)</td><td class=\"quote\">\(part.sentences.first.map { "line \($0.line): “\(e(Text.shorten($0.quote, 140)))”" } ?? "—")</td></tr>\n"
        }
        b += "</table>\n<ul>\n"
        b += "<li>Ownership: <b>\(r.ownership.verdict.rawValue)</b> (\(r.ownership.iActions) “I” actions, \(r.ownership.weActions) “we” actions)</li>\n"
        b += "<li>Measured result: <b>\(r.measuredResults.quantified ? "yes" : "no")</b>\(r.measuredResults.kpis.isEmpty ? "" : " — measures named: " + e(r.measuredResults.kpis.joined(separator: ", ")))</li>\n"
        b += "<li>Reflection: <b>\(r.reflection.present ? e(r.reflection.kinds.joined(separator: ", ")) : "none")</b></li>\n"
        b += "<li>Context: \(r.context.specificSentences) specific, \(r.context.genericSentences) generic, \(r.context.hypotheticalSentences) hypothetical sentences</li>\n</ul>\n"

        if !r.references.isEmpty {
            b += "<h2>The learner's criterion references</h2>\n<table><tr><th>Written</th><th>Line</th><th>Criterion</th><th>Exists</th><th>Supported</th><th>Why</th></tr>\n"
            for ref in r.references {
                for t in ref.targets {
                    b += "<tr><td>\(e(ref.written))</td><td>\(ref.evidence.line)</td><td>\(e(t.id))</td><td>\(t.exists ? "yes" : "<b>no</b>")</td><td>\(t.supported ? "yes" : "<b>no</b>")</td><td>\(e(t.reason))</td></tr>\n"
                }
            }
            b += "</table>\n"
        }

        b += "<h2>The account</h2>\n" + HTMLPage.legend + "\n"
        b += HTMLPage.account(input, notes: HTMLPage.notesByParagraph(r) { $0.severity != .info || $0.category == "model" })

        b += """
        <h2>Assessor's decision</h2>
        <div class="box">
        <p>☐ Competent &nbsp;&nbsp;&nbsp; ☐ Not yet competent</p>
        <p>Comments:</p>
        <div class="lines"><div></div><div></div><div></div><div></div></div>
        <p>Assessor: ______________________ &nbsp; Date: ____________</p>
        </div>

        """
        return HTMLPage.document(title: "Assessment report: \(r.account.name)", body: b)
    }
}

/// The learner's self-check as one self-contained HTML page, with the draft highlighted.
public enum LearnerHTMLReport: Reporter {
    public static let identifier = "learner-html"

    public static func render(_ input: ReportInput, options: RenderOptions) -> String {
        let f = LearnerFeedback(input)
        let e = Text.escapeHTML
        var b = "<h1>Your draft: \(e(f.account))</h1>\n<p class=\"meta\">\(e(f.unit))</p>\n"
        b += "<p>\(f.ready ? "<span class=\"badge ok\">Ready to submit</span>" : "<span class=\"badge part\">Not ready yet</span>")</p>\n"
        b += "<h2>What went well</h2>\n<ul>\n"
        if f.wentWell.isEmpty { b += "<li>You have made a start: keep going with the steps below.</li>\n" }
        for p in f.wentWell {
            b += "<li>\(e(p.text))\(p.quote.map { " <span class=\"quote\">(line \(p.line ?? 0): “\(e(Text.shorten($0, 120)))”)</span>" } ?? "")</li>\n"
        }
        b += "</ul>\n<h2>Even better if</h2>\n"
        if f.evenBetterIf.isEmpty { b += "<p>Nothing essential is missing.</p>\n" }
        for g in f.evenBetterIf {
            b += "<div class=\"note\"><b>\(e(g.title))</b><div>Missing in this draft: \(e(g.missing))</div><div><b>Next step:</b> \(e(g.nextStep))</div>"
            if let tip = g.tip { b += "<div class=\"muted\">From your unit guidance: \(e(tip))</div>" }
            b += "</div>\n"
        }
        if !f.misconceptions.isEmpty {
            b += "<h2>Misconceptions to put right</h2>\n<ul>\n"
            for m in f.misconceptions { b += "<li>\(m.line.map { "Line \($0): " } ?? "")\(e(m.text))<div class=\"muted\">\(e(m.correction))</div></li>\n" }
            b += "</ul>\n"
        }
        if !f.references.isEmpty {
            b += "<h2>Criterion references to check</h2>\n<ul>\n"
            for ref in f.references { b += "<li>Line \(ref.line), “\(e(ref.written))”: \(e(ref.problem))</li>\n" }
            b += "</ul>\n"
        }
        b += "<h2>Your draft</h2>\n" + HTMLPage.legend + "\n"
        b += HTMLPage.account(input, notes: HTMLPage.notesByParagraph(input.result) { $0.severity != .info })
        return HTMLPage.document(title: "Your draft: \(f.account)", body: b)
    }
}
