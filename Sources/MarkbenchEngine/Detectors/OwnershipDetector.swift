/// Ownership: does the account narrate what the learner did ("I"), what the team did ("we"),
/// or both? An account of "we" alone hides the learner's role.
extension ResultBuilder {
    func ownershipReport() -> OwnershipReport {
        var iActions = 0, weActions = 0
        var examples: [Evidence] = []
        for (s, facts) in analysis.facts.enumerated() {
            // Whose actions the account narrates, done or only proposed ("I would…" is still "I").
            let real = facts.clauses.filter { $0.mode != .state && $0.mode != .task }
            let i = real.filter { $0.subject == .i }.count
            let we = real.filter { $0.subject == .we }.count
            iActions += i
            weActions += we
            if i > 0, examples.count < 3 { examples.append(evidence(sentence: s)) }
        }
        let total = iActions + weActions
        let verdict: OwnershipReport.Verdict
        if total == 0 {
            verdict = .we
        } else if Double(iActions) >= 0.6 * Double(total) {
            verdict = .i
        } else if Double(iActions) <= 0.35 * Double(total) {
            verdict = .we
        } else {
            verdict = .mixed
        }
        return OwnershipReport(verdict: verdict, iActions: iActions, weActions: weActions, examples: examples)
    }
}
