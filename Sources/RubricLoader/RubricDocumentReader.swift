import MarkbenchDiagnostics
import MarkbenchXML
import RubricModel

/// The namespace of rubric format version 1.
public let rubricNamespace = "urn:markbench:rubric:1"

/// Turns a schema-valid XML tree into model values. The schema has already guaranteed the
/// shape, so this reader only converts; meaning is checked by `RubricChecker`.
struct RubricDocumentReader {
    let file: String

    func location(_ node: XMLElementNode) -> SourceLocation {
        SourceLocation(file: file, line: node.line, column: node.column)
    }

    // MARK: - Rubric

    func rubric(from root: XMLElementNode) -> Rubric {
        let unitNode = root.element(named: "unit")
        let unit = UnitInfo(
            title: unitNode?.element(named: "title")?.normalisedText ?? "",
            qualification: unitNode?.element(named: "qualification")?.normalisedText ?? "",
            level: Int(unitNode?.element(named: "level")?.normalisedText ?? "") ?? 0,
            awardingBody: unitNode?.element(named: "awardingBody")?.normalisedText ?? "",
            sources: unitNode?.elements(named: "source").map(\.normalisedText) ?? [],
            synopsis: unitNode?.element(named: "synopsis")?.normalisedText)
        let outcomes = (root.element(named: "outcomes")?.elements(named: "outcome") ?? []).map { node in
            let outcomeID = node.attribute("id") ?? ""
            return LearningOutcome(
                id: outcomeID,
                text: node.element(named: "text")?.normalisedText ?? "",
                commandWord: node.attribute("commandWord"),
                criteria: node.elements(named: "criterion").map { c in
                    AssessmentCriterion(id: c.attribute("id") ?? "", outcomeID: outcomeID,
                                        text: c.element(named: "text")?.normalisedText ?? "",
                                        commandWord: c.attribute("commandWord") ?? "", location: location(c))
                },
                location: location(node))
        }
        let markingPoints = (root.element(named: "markingPoints")?.elements(named: "markingPoint") ?? []).map { node in
            MarkingPoint(id: node.attribute("id") ?? "", text: node.element(named: "text")?.normalisedText ?? "",
                         supports: list(node.attribute("supports")), commandWord: node.attribute("commandWord"),
                         location: location(node))
        }
        let mistakes = (root.element(named: "mistakes")?.elements(named: "mistake") ?? []).map { node in
            CommonMistake(id: node.attribute("id") ?? "",
                          kind: CommonMistake.Kind(rawValue: node.attribute("kind") ?? "") ?? .mistake,
                          severity: Severity(rawValue: node.attribute("severity") ?? "") ?? .minor,
                          text: node.element(named: "text")?.normalisedText ?? "",
                          correction: node.element(named: "correction")?.normalisedText ?? "",
                          source: node.attribute("source"), location: location(node))
        }
        let guidance = (root.element(named: "guidance")?.elements(named: "tip") ?? []).map { node in
            GuidanceTip(id: node.attribute("id") ?? "", topic: node.attribute("topic") ?? "general",
                        text: node.normalisedText, source: node.attribute("source"), location: location(node))
        }
        let keyTerms = (root.element(named: "keyTerms")?.elements(named: "term") ?? []).map(\.normalisedText)
        let concepts = (root.element(named: "concepts")?.elements(named: "concept") ?? []).map { concept(from: $0, lexicon: nil) }
        let rules = (root.element(named: "rules")?.elements(named: "rule") ?? []).map(rule(from:))
        let examples = (root.element(named: "examples")?.elements(named: "example") ?? []).map {
            example(from: $0, defaultTarget: nil)
        }
        var rubric = Rubric(
            id: root.attribute("id") ?? "", version: root.attribute("version") ?? "",
            formatVersion: Int(root.attribute("formatVersion") ?? "") ?? 0, unit: unit,
            lexiconRefs: (root.element(named: "lexicons")?.elements(named: "use") ?? []).compactMap { $0.attribute("ref") },
            outcomes: outcomes, markingPoints: markingPoints, mistakes: mistakes, guidance: guidance,
            keyTerms: keyTerms, concepts: concepts, rules: rules,
            decision: decision(from: root.element(named: "decision")), examples: examples, location: location(root))
        for use in root.element(named: "lexicons")?.elements(named: "use") ?? [] {
            if let ref = use.attribute("ref") { rubric.lexiconRefLocations[ref] = location(use) }
        }
        return rubric
    }

    private func decision(from node: XMLElementNode?) -> DecisionRule {
        guard let node else {
            return DecisionRule(description: "", criteria: [], requiresOwnRole: false, blockingMistakeSeverity: nil,
                                location: SourceLocation(file: file, line: 1, column: 1))
        }
        let when = node.element(named: "competentWhen")
        let criteria = (when?.elements(named: "criteria") ?? []).map { c -> DecisionRule.CriteriaCondition in
            let ids = list(c.attribute("ids"))
            let selection: DecisionRule.CriteriaCondition.Selection = ids == ["all"] ? .all : .ids(ids)
            return .init(selection: selection,
                         status: DecisionRule.CriteriaCondition.Status(rawValue: c.attribute("status") ?? "met") ?? .met,
                         allowBorderline: Int(c.attribute("allowBorderline") ?? "0") ?? 0,
                         location: location(c))
        }
        let blocking = when?.element(named: "noMistakes").map { Severity(rawValue: $0.attribute("severity") ?? "major") ?? .major }
        return DecisionRule(description: node.element(named: "description")?.normalisedText ?? "",
                            criteria: criteria, requiresOwnRole: when?.element(named: "ownClearRole") != nil,
                            blockingMistakeSeverity: blocking, location: location(node))
    }

    private func rule(from node: XMLElementNode) -> EvidenceRule {
        let id = node.attribute("id") ?? ""
        var conditions: [RuleCondition] = []
        for child in node.elements {
            switch child.name {
            case "require": conditions.append(.require(requirement(from: child)))
            case "forbid": conditions.append(.forbid(requirement(from: child)))
            case "any": conditions.append(.any(child.elements(named: "require").map(requirement(from:))))
            default: break
            }
        }
        return EvidenceRule(
            id: id, kind: EvidenceRule.Kind(rawValue: node.attribute("kind") ?? "evidence") ?? .evidence,
            scope: RuleScope(rawValue: node.attribute("scope") ?? "paragraph") ?? .paragraph,
            minUnits: Int(node.attribute("minUnits") ?? "1") ?? 1,
            evidences: list(node.attribute("evidences")), flags: list(node.attribute("flags")),
            description: node.element(named: "description")?.normalisedText ?? "",
            advice: node.element(named: "advice")?.normalisedText, conditions: conditions,
            examples: node.elements(named: "example").map { example(from: $0, defaultTarget: .rule(id)) },
            location: location(node))
    }

    /// A requirement; an element naming neither or both of concept and signal is read as a
    /// concept with an empty id, which `RubricChecker` reports.
    private func requirement(from node: XMLElementNode) -> Requirement {
        let min = Int(node.attribute("min") ?? "1") ?? 1
        let target: Requirement.Target
        if let signal = node.attribute("signal").flatMap(Signal.init(rawValue:)), node.attribute("concept") == nil {
            target = .signal(signal)
        } else if let concept = node.attribute("concept"), node.attribute("signal") == nil {
            target = .concept(ConceptRef(parsing: concept))
        } else {
            target = .concept(ConceptRef(lexicon: nil, concept: ""))
        }
        return Requirement(target: target, min: min, location: location(node))
    }

    // MARK: - Lexicon

    func lexicon(from root: XMLElementNode) -> Lexicon {
        let id = root.attribute("id") ?? ""
        var concepts: [Concept] = []
        var commandWords: [CommandWord] = []
        var spellings: [SpellingVariant] = []
        for child in root.elements {
            switch child.name {
            case "concept":
                concepts.append(concept(from: child, lexicon: id))
            case "commandWord":
                commandWords.append(CommandWord(
                    id: child.attribute("id") ?? "", depth: child.attribute("depth").flatMap { Int($0) },
                    demand: child.element(named: "demand")?.normalisedText ?? "",
                    forms: child.elements(named: "form").map(\.normalisedText),
                    shows: child.elements(named: "shows").map {
                        CommandWord.Demand(concept: ConceptRef(parsing: $0.attribute("concept") ?? ""),
                                           label: $0.attribute("label") ?? "")
                    },
                    location: location(child)))
            case "spelling":
                spellings.append(SpellingVariant(uk: (child.attribute("uk") ?? "").lowercased(),
                                                 us: (child.attribute("us") ?? "").lowercased()))
            default:
                break
            }
        }
        return Lexicon(id: id, version: root.attribute("version") ?? "",
                       title: root.element(named: "title")?.normalisedText ?? "",
                       description: root.element(named: "description")?.normalisedText,
                       uses: (root.element(named: "uses")?.elements(named: "use") ?? []).compactMap { $0.attribute("ref") },
                       concepts: concepts, commandWords: commandWords, spellings: spellings, location: location(root))
    }

    // MARK: - Shared pieces

    private func concept(from node: XMLElementNode, lexicon: String?) -> Concept {
        let id = node.attribute("id") ?? ""
        let ref = ConceptRef(lexicon: lexicon, concept: id)
        return Concept(
            id: id, label: node.attribute("label"),
            kind: ConceptKind(rawValue: node.attribute("kind") ?? "term") ?? .term,
            year: node.attribute("year").flatMap { Int($0) },
            phrases: node.elements(named: "phrase").map {
                Phrase(text: $0.normalisedText, stem: $0.attribute("stem").map { $0 == "true" || $0 == "1" } ?? true,
                       location: location($0))
            },
            includes: node.elements(named: "include").compactMap { $0.attribute("concept").map(ConceptRef.init(parsing:)) },
            examples: node.elements(named: "example").map { example(from: $0, defaultTarget: .concept(ref)) },
            location: location(node))
    }

    private func example(from node: XMLElementNode, defaultTarget: RuleExample.Target?) -> RuleExample {
        var text = ""
        var marks: [Range<Int>] = []
        for child in node.children {
            switch child {
            case .text(let t):
                text += t
            case .element(let e):
                let start = text.utf8.count
                text += e.textContent
                marks.append(start..<text.utf8.count)
            }
        }
        // Trim surrounding white space, keeping mark offsets aligned.
        let leading = text.prefix { $0.isWhitespace }.utf8.count
        let trimmed = String(text.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
        marks = marks.map { ($0.lowerBound - leading)..<($0.upperBound - leading) }
        let target: RuleExample.Target
        if let rule = node.attribute("rule") {
            target = .rule(rule)
        } else if let concept = node.attribute("concept") {
            target = .concept(ConceptRef(parsing: concept))
        } else {
            target = defaultTarget ?? .rule("")
        }
        return RuleExample(target: target, expect: RuleExample.Expectation(rawValue: node.attribute("expect") ?? "pass") ?? .pass,
                           text: trimmed, marks: marks, location: location(node))
    }

    private func list(_ value: String?) -> [String] {
        (value ?? "").split(whereSeparator: { $0.isWhitespace }).map(String.init)
    }
}
