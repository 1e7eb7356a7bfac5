import MarkbenchDiagnostics
import RubricModel

/// Checks what the schema cannot: ids unique, every reference resolves, no empty vocabularies,
/// a decision rule that names something, examples that name real rules.
public struct RubricChecker: Sendable {
    /// Lexicons by id that references may resolve in.
    public let lexicons: [String: Lexicon]

    public init(lexicons: [String: Lexicon]) { self.lexicons = lexicons }

    // MARK: - Rubric

    public func check(_ rubric: Rubric) -> [Diagnostic] {
        var out: [Diagnostic] = []

        // Lexicons declared.
        for ref in rubric.lexiconRefs where lexicons[ref] == nil {
            out.append(Diagnostic(code: "rubric.unknown-lexicon", at: rubric.lexiconRefLocations[ref] ?? rubric.location,
                                  "the rubric uses lexicon '\(ref)', which was not found",
                                  hint: "check the spelling; lexicons live in Rubrics/lexicons/ (\(known(lexicons.keys)))"))
        }

        // Unique ids.
        duplicates(rubric.outcomes.map { ($0.id, $0.location) }, what: "learning outcome", into: &out)
        duplicates(rubric.criteria.map { ($0.id, $0.location) } + rubric.markingPoints.map { ($0.id, $0.location) },
                   what: "criterion or marking point", into: &out)
        duplicates(rubric.mistakes.map { ($0.id, $0.location) }, what: "mistake", into: &out)
        duplicates(rubric.guidance.map { ($0.id, $0.location) }, what: "tip", into: &out)
        duplicates(rubric.concepts.map { ($0.id, $0.location) }, what: "concept", into: &out)
        duplicates(rubric.rules.map { ($0.id, $0.location) }, what: "rule", into: &out)

        if rubric.criteria.isEmpty {
            out.append(Diagnostic(code: "rubric.no-criteria", at: rubric.location, "the rubric has no assessment criteria",
                                  hint: "add <criterion id=\"1.1\" commandWord=\"…\"> under an <outcome>"))
        }

        // Command words.
        let commandWords = Set(lexicons.values.flatMap { $0.commandWords.map(\.id) })
        func checkCommandWord(_ word: String?, _ location: SourceLocation) {
            guard let word, !commandWords.contains(word) else { return }
            out.append(Diagnostic(code: "rubric.unknown-command-word", at: location,
                                  "unknown command word '\(word)'",
                                  hint: commandWords.isEmpty ? "declare <use ref=\"command-words\"/> in <lexicons>"
                                      : "use one of: \(known(commandWords))"))
        }
        for outcome in rubric.outcomes { checkCommandWord(outcome.commandWord, outcome.location) }
        for criterion in rubric.criteria { checkCommandWord(criterion.commandWord, criterion.location) }
        for point in rubric.markingPoints { checkCommandWord(point.commandWord, point.location) }

        // Marking points support real criteria.
        let criterionIDs = Set(rubric.criteria.map(\.id))
        for point in rubric.markingPoints {
            for id in point.supports where !criterionIDs.contains(id) {
                out.append(Diagnostic(code: "rubric.unknown-criterion", at: point.location,
                                      "marking point \(point.id) supports criterion '\(id)', which the rubric does not define",
                                      hint: "use one of: \(known(criterionIDs))"))
            }
        }

        // Concepts.
        for concept in rubric.concepts { checkConcept(concept, owner: nil, declared: Set(rubric.lexiconRefs), rubric: rubric, into: &out) }

        // Rules.
        let targets = criterionIDs.union(rubric.markingPoints.map(\.id))
        let mistakeIDs = Set(rubric.mistakes.map(\.id))
        for rule in rubric.rules {
            switch rule.kind {
            case .evidence:
                if rule.evidences.isEmpty {
                    out.append(Diagnostic(code: "rubric.rule-targets-nothing", at: rule.location,
                                          "evidence rule \(rule.id) names no criterion or marking point",
                                          hint: "add evidences=\"1.1\" (or kind=\"mistake\" with flags=\"…\")"))
                }
                for id in rule.evidences where !targets.contains(id) {
                    out.append(Diagnostic(code: "rubric.unknown-criterion", at: rule.location,
                                          "rule \(rule.id) evidences '\(id)', which the rubric does not define",
                                          hint: "use one of: \(known(targets))"))
                }
            case .mistake:
                if rule.flags.isEmpty {
                    out.append(Diagnostic(code: "rubric.rule-targets-nothing", at: rule.location,
                                          "mistake rule \(rule.id) flags no mistake",
                                          hint: "add flags=\"<mistake id>\""))
                }
                for id in rule.flags where !mistakeIDs.contains(id) {
                    out.append(Diagnostic(code: "rubric.unknown-mistake", at: rule.location,
                                          "rule \(rule.id) flags mistake '\(id)', which the rubric does not define",
                                          hint: "use one of: \(known(mistakeIDs))"))
                }
            }
            for condition in rule.conditions {
                for requirement in condition.requirements {
                    if case .concept(let ref) = requirement.target {
                        checkReference(ref, owner: nil, declared: Set(rubric.lexiconRefs), rubric: rubric,
                                       at: requirement.location, into: &out)
                    }
                }
            }
            if !rule.examples.contains(where: { $0.expect == .pass }) || !rule.examples.contains(where: { $0.expect == .fail }) {
                out.append(Diagnostic(.warning, code: "rubric.rule-without-examples", at: rule.location,
                                      "rule \(rule.id) needs at least one example that passes and one that fails",
                                      hint: "add <example expect=\"pass\">…</example> and <example expect=\"fail\">…</example>"))
            }
        }
        let ruleIDs = Set(rubric.rules.map(\.id))
        for example in rubric.examples {
            switch example.target {
            case .rule(let id) where !ruleIDs.contains(id):
                out.append(Diagnostic(code: "rubric.unknown-rule", at: example.location,
                                      id.isEmpty ? "the example names no rule" : "the example names rule '\(id)', which the rubric does not define",
                                      hint: ruleIDs.isEmpty ? "add rule=\"<rule id>\"" : "use one of: \(known(ruleIDs))"))
            case .concept(let ref):
                checkReference(ref, owner: nil, declared: Set(rubric.lexiconRefs), rubric: rubric, at: example.location, into: &out)
            default:
                break
            }
        }

        // Criteria with no way to be evidenced.
        for criterion in rubric.criteria where rubric.rules(evidencing: criterion.id).isEmpty {
            out.append(Diagnostic(.warning, code: "rubric.criterion-without-rule", at: criterion.location,
                                  "criterion \(criterion.id) has no evidence rule, so it can never be met",
                                  hint: "add a <rule evidences=\"\(criterion.id)\">"))
        }

        // Decision.
        let decision = rubric.decision
        for condition in decision.criteria {
            switch condition.selection {
            case .all:
                break
            case .ids(let ids):
                if ids.isEmpty {
                    out.append(Diagnostic(code: "rubric.decision-empty", at: condition.location,
                                          "the decision rule names no criteria",
                                          hint: "write ids=\"all\" or list criterion ids, e.g. ids=\"1.1 1.2\""))
                }
                for id in ids where !criterionIDs.contains(id) {
                    out.append(Diagnostic(code: "rubric.unknown-criterion", at: condition.location,
                                          "the decision rule names criterion '\(id)', which the rubric does not define",
                                          hint: "use ids=\"all\" or one of: \(known(criterionIDs))"))
                }
            }
        }
        return out
    }

    // MARK: - Lexicon

    public func check(_ lexicon: Lexicon) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for ref in lexicon.uses where lexicons[ref] == nil && ref != lexicon.id {
            out.append(Diagnostic(code: "rubric.unknown-lexicon", at: lexicon.location,
                                  "the lexicon uses lexicon '\(ref)', which was not found",
                                  hint: "check the spelling (\(known(lexicons.keys)))"))
        }
        duplicates(lexicon.concepts.map { ($0.id, $0.location) }, what: "concept", into: &out)
        duplicates(lexicon.commandWords.map { ($0.id, $0.location) }, what: "command word", into: &out)
        var seenUS: [String: String] = [:]
        for variant in lexicon.spellings {
            if let uk = seenUS[variant.us], uk != variant.uk {
                out.append(Diagnostic(code: "lexicon.conflicting-spelling", at: lexicon.location,
                                      "US spelling '\(variant.us)' maps to both '\(uk)' and '\(variant.uk)'",
                                      hint: "keep one <spelling> for it"))
            }
            seenUS[variant.us] = variant.uk
        }
        let declared = Set(lexicon.uses + [lexicon.id])
        var scope = lexicons
        scope[lexicon.id] = lexicon
        let checker = RubricChecker(lexicons: scope)
        for concept in lexicon.concepts {
            checker.checkConcept(concept, owner: lexicon.id, declared: declared, rubric: nil, into: &out)
        }
        for word in lexicon.commandWords {
            for demand in word.shows {
                checker.checkReference(demand.concept, owner: lexicon.id, declared: declared, rubric: nil,
                                       at: word.location, into: &out)
            }
        }
        return out
    }

    // MARK: - Pieces

    func checkConcept(_ concept: Concept, owner: String?, declared: Set<String>, rubric: Rubric?,
                      into out: inout [Diagnostic]) {
        if concept.phrases.isEmpty && concept.includes.isEmpty {
            out.append(Diagnostic(code: "rubric.empty-concept", at: concept.location,
                                  "concept '\(concept.id)' has no phrases",
                                  hint: "add at least one <phrase>, or <include concept=\"…\"/>"))
        }
        for phrase in concept.phrases where !phrase.text.contains(where: { $0.isLetter || $0.isNumber }) {
            out.append(Diagnostic(code: "rubric.empty-phrase", at: phrase.location,
                                  "a phrase of concept '\(concept.id)' has no words",
                                  hint: "write the words to match, e.g. <phrase>customer feedback</phrase>"))
        }
        for include in concept.includes {
            checkReference(include, owner: owner, declared: declared, rubric: rubric, at: concept.location, into: &out)
        }
        if hasIncludeCycle(from: ConceptRef(lexicon: owner, concept: concept.id), rubric: rubric) {
            out.append(Diagnostic(code: "rubric.include-cycle", at: concept.location,
                                  "concept '\(concept.id)' includes itself (directly or through other concepts)",
                                  hint: "remove one of the <include> elements in the cycle"))
        }
        for example in concept.examples {
            if case .concept(let ref) = example.target {
                checkReference(ref, owner: owner, declared: declared, rubric: rubric, at: example.location, into: &out)
            }
        }
    }

    func checkReference(_ ref: ConceptRef, owner: String?, declared: Set<String>, rubric: Rubric?,
                        at location: SourceLocation, into out: inout [Diagnostic]) {
        if ref.concept.isEmpty {
            out.append(Diagnostic(code: "rubric.bad-condition", at: location,
                                  "a condition must name exactly one of concept=\"…\" or signal=\"…\"",
                                  hint: "write <require concept=\"feedback\"/> or <require signal=\"own-action\"/>"))
            return
        }
        if let lexiconID = ref.lexicon, lexiconID != owner {
            // A declared lexicon that is missing is reported once, where it is declared.
            if declared.contains(lexiconID), lexicons[lexiconID] == nil { return }
            guard declared.contains(lexiconID), lexicons[lexiconID] != nil else {
                let message = lexicons[lexiconID] == nil
                    ? "concept '\(ref)' names lexicon '\(lexiconID)', which was not found"
                    : "concept '\(ref)' names lexicon '\(lexiconID)', which this file does not declare"
                out.append(Diagnostic(code: lexicons[lexiconID] == nil ? "rubric.unknown-lexicon" : "rubric.undeclared-lexicon",
                                      at: location, message,
                                      hint: lexicons[lexiconID] == nil ? "check the spelling (\(known(lexicons.keys)))"
                                          : "add <use ref=\"\(lexiconID)\"/> to <lexicons>"))
                return
            }
        }
        if resolve(ref, owner: owner, rubric: rubric) == nil {
            let pool: [String]
            if let lexiconID = ref.lexicon ?? owner, let lexicon = lexicons[lexiconID] {
                pool = lexicon.concepts.map(\.id)
            } else {
                pool = rubric?.concepts.map(\.id) ?? []
            }
            out.append(Diagnostic(code: "rubric.unknown-concept", at: location,
                                  "unknown concept '\(ref)'",
                                  hint: pool.isEmpty ? "define it in <concepts>" : "did you mean one of: \(known(pool))"))
        }
    }

    private func resolve(_ ref: ConceptRef, owner: String?, rubric: Rubric?) -> Concept? {
        let absolute = ref.resolved(in: owner)
        if let lexicon = absolute.lexicon { return lexicons[lexicon]?.concept(absolute.concept) }
        return rubric?.concepts.first { $0.id == absolute.concept }
    }

    private func hasIncludeCycle(from start: ConceptRef, rubric: Rubric?) -> Bool {
        var stack = [start]
        var seen: Set<ConceptRef> = []
        while let current = stack.popLast() {
            guard let concept = resolve(current, owner: nil, rubric: rubric) else { continue }
            for include in concept.includes {
                let next = include.resolved(in: current.lexicon)
                if next == start { return true }
                if seen.insert(next).inserted { stack.append(next) }
            }
        }
        return false
    }

    private func duplicates(_ items: [(String, SourceLocation)], what: String, into out: inout [Diagnostic]) {
        var first: [String: SourceLocation] = [:]
        for (id, location) in items {
            if let earlier = first[id] {
                out.append(Diagnostic(code: "rubric.duplicate-id", at: location,
                                      "duplicate \(what) id '\(id)' (first defined at line \(earlier.line))",
                                      hint: "give each \(what) its own id"))
            } else {
                first[id] = location
            }
        }
    }

    private func known<S: Sequence>(_ ids: S) -> String where S.Element == String {
        let sorted = Array(Set(ids)).sorted()
        let shown = sorted.prefix(12).joined(separator: ", ")
        return sorted.count > 12 ? shown + ", …" : shown
    }
}
