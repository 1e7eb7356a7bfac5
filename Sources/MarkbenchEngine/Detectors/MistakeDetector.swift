import MarkbenchText
import RubricModel

/// The unit's common mistakes: each mistake rule of the rubric that fires becomes a finding
/// carrying the seed's correction.
extension ResultBuilder {
    func mistakeFindings(evaluations: [String: RuleEvaluation]) -> [Finding] {
        var out: [Finding] = []
        for rule in rubric.rules where rule.kind == .mistake {
            guard let e = evaluations[rule.id], e.status == .met else { continue }
            let unit = e.passingUnits.first ?? []
            let sentences = e.contributing.isEmpty ? unit : e.contributing
            let where_: Evidence? = sentences.first.map { first in
                sentences.count == 1 || e.contributing.isEmpty == false
                    ? evidence(sentence: first)
                    : evidence(TextSpan(start: doc.sentences[first].span.start, end: doc.sentences[sentences.last!].span.end))
            }
            for id in rule.flags {
                guard let mistake = rubric.mistake(id) else { continue }
                out.append(Finding(ruleID: rule.id, severity: mistake.severity == .major ? .major : .minor,
                                   category: "common-mistake", message: mistake.text, advice: mistake.correction,
                                   criterionID: nil, mistakeID: id, evidence: where_))
            }
        }
        return out
    }
}
