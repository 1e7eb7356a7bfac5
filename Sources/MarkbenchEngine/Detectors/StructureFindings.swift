/// Account-wide flaws an assessor must look at: "we"-only narration, hypothetical or generic
/// writing, a missing Result, no numbers, no reflection.
extension ResultBuilder {
    func structureFindings(star: StarReport, ownership: OwnershipReport, measured: MeasuredResultsReport,
                           reflection: ReflectionReport, context: ContextReport) -> [Finding] {
        var out: [Finding] = []
        let body = max(doc.bodySentenceCount, 1)
        func add(_ id: String, _ severity: Finding.Severity, _ category: String, _ message: String, _ advice: String,
                 _ evidence: Evidence? = nil) {
            out.append(Finding(ruleID: id, severity: severity, category: category, message: message, advice: advice,
                               criterionID: nil, mistakeID: nil, evidence: evidence ?? wholeAccount()))
        }
        if ownership.verdict == .we {
            add("builtin.ownership.we-only", .major, "ownership",
                ownership.iActions + ownership.weActions == 0
                    ? "the account never says what you did (no \"I …\" actions)"
                    : "the account says what \"we\" did (\(ownership.weActions) times) far more than what \"I\" did (\(ownership.iActions))",
                "Say what you did yourself: \"I planned…\", \"I trained…\".")
        }
        if Double(context.hypotheticalSentences) > 0.3 * Double(body) {
            add("builtin.context.hypothetical", .major, "real-work",
                "\(context.hypotheticalSentences) of \(body) sentences say what would or should be done, not what was done",
                "Write about what you actually did, in the past tense, with the result.")
        }
        if Double(context.specificSentences) < 0.15 * Double(body) || Double(context.genericSentences) > 0.4 * Double(body) {
            add("builtin.context.generic", .major, "context",
                "only \(context.specificSentences) of \(body) sentences name a specific place, person, role or time",
                "Ground the account in your workplace: name the organisation, your role, when it happened.")
        }
        for part in star.parts where !part.present {
            let severity: Finding.Severity = part.part == "result" || part.part == "action" ? .major : .minor
            let advice = part.part == "result"
                ? "Say what changed because of what you did, with a number if you have one."
                : part.part == "action" ? "Say what you did, step by step, in your own words (\"I …\")."
                : part.part == "task" ? "Say what you were asked to do or aimed to achieve."
                : "Set the scene: where you work, your role, what the problem was."
            add("builtin.star.missing-\(part.part)", severity, "star", "no \(part.part) stated for a specific instance", advice)
        }
        if star.parts.first(where: { $0.part == "result" })?.present == true && !measured.quantified {
            add("builtin.result.not-quantified", .minor, "measured-result",
                "the result is never given with numbers", "Give before-and-after figures: times, percentages, counts, scores.")
        }
        if !reflection.present {
            add("builtin.reflection.missing", .minor, "reflection", "no reflection on what went well, what you learned or what you would change",
                "Add a short reflection: what went well, what you learned, what you would do differently.")
        }
        return out
    }

    private func wholeAccount() -> Evidence? {
        guard let first = doc.sentences.first, let last = doc.sentences.last else { return nil }
        return evidence(.init(start: first.span.start, end: last.span.end))
    }
}
