import MarkbenchText

/// Measured results: numbers that show what changed (before/after, percentages, money, time,
/// counts), and the KPIs the account names.
extension ResultBuilder {
    func measuredResultsReport() -> MeasuredResultsReport {
        var results: [Evidence] = []
        for (s, f) in analysis.facts.enumerated() where !f.hypotheticalOnly && !doc.sentences[s].isHeading {
            let isResult = f.star == .result || f.signals.has(.comparison)
            if isResult && f.signals.has(.measured) { results.append(evidence(sentence: s)) }
        }
        var kpis: [String] = []
        for f in analysis.facts {
            for hit in f.hits where compiled.concepts[Int(hit.concept)].kind == .kpi {
                let name = compiled.concepts[Int(hit.concept)].displayName
                if !kpis.contains(name) { kpis.append(name) }
            }
        }
        // A result counts as quantified when a measured change follows the learner's actions.
        let firstAction = analysis.facts.firstIndex { $0.star == .action } ?? Int.max
        let quantified = analysis.facts.indices.contains { s in
            s > firstAction && analysis.facts[s].signals.has(.measured)
                && (analysis.facts[s].star == .result || analysis.facts[s].signals.has(.comparison))
        }
        return MeasuredResultsReport(quantified: quantified, results: Array(results.prefix(8)), kpis: kpis.sorted())
    }
}
