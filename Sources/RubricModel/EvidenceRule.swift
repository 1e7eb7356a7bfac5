import MarkbenchDiagnostics

/// Facts the engine computes about each sentence, which rules can require or forbid.
public enum Signal: String, Sendable, Hashable, Codable, CaseIterable {
    case ownAction = "own-action"
    case weAction = "we-action"
    case firstPerson = "first-person"
    case hypothetical
    case measured
    case comparison
    case specificContext = "specific-context"
    case generic
    case reflection
    case starSituation = "star-situation"
    case starTask = "star-task"
    case starAction = "star-action"
    case starResult = "star-result"
    case criterionReference = "criterion-reference"
}

/// The stretch of text one rule looks at together.
public enum RuleScope: String, Sendable, Hashable, Codable, CaseIterable {
    case sentence, paragraph, document
}

/// An evidence rule (says what counts as evidence for criteria or marking points) or a
/// mistake rule (says what text shows a common mistake).
public struct EvidenceRule: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, Codable { case evidence, mistake }

    public var id: String
    public var kind: Kind
    public var scope: RuleScope
    /// How many distinct units of the scope must satisfy the rule.
    public var minUnits: Int
    /// Criteria and marking points this rule evidences (evidence rules).
    public var evidences: [String]
    /// Mistakes this rule flags (mistake rules).
    public var flags: [String]
    public var description: String
    /// What to do when the rule is not satisfied; shown to learners.
    public var advice: String?
    public var conditions: [RuleCondition]
    public var examples: [RuleExample]
    public var location: SourceLocation

    public init(id: String, kind: Kind, scope: RuleScope, minUnits: Int, evidences: [String], flags: [String],
                description: String, advice: String?, conditions: [RuleCondition], examples: [RuleExample],
                location: SourceLocation) {
        self.id = id
        self.kind = kind
        self.scope = scope
        self.minUnits = minUnits
        self.evidences = evidences
        self.flags = flags
        self.description = description
        self.advice = advice
        self.conditions = conditions
        self.examples = examples
        self.location = location
    }
}

/// One condition of a rule.
public enum RuleCondition: Sendable, Hashable {
    /// Must hold in the unit.
    case require(Requirement)
    /// At least one must hold in the unit.
    case any([Requirement])
    /// Must not hold in the unit.
    case forbid(Requirement)

    public var requirements: [Requirement] {
        switch self {
        case .require(let r), .forbid(let r): [r]
        case .any(let rs): rs
        }
    }
}

/// A concept matched, or a signal true, at least `min` times within a unit.
public struct Requirement: Sendable, Hashable {
    public enum Target: Sendable, Hashable, CustomStringConvertible {
        case concept(ConceptRef)
        case signal(Signal)

        public var description: String {
            switch self {
            case .concept(let c): "concept \(c)"
            case .signal(let s): "signal \(s.rawValue)"
            }
        }
    }

    public var target: Target
    public var min: Int
    public var location: SourceLocation

    public init(target: Target, min: Int, location: SourceLocation) {
        self.target = target
        self.min = min
        self.location = location
    }
}

/// A short text that must (`pass`) or must not (`fail`) satisfy a rule or match a concept.
/// Examples document rules and run as tests.
public struct RuleExample: Sendable, Hashable {
    public enum Target: Sendable, Hashable {
        case rule(String)
        case concept(ConceptRef)
    }
    public enum Expectation: String, Sendable, Hashable, Codable { case pass, fail }

    public var target: Target
    public var expect: Expectation
    public var text: String
    /// Ranges of `text` (in UTF-8 byte offsets) that `<mark>` says the evidence must cover.
    public var marks: [Range<Int>]
    public var location: SourceLocation

    public init(target: Target, expect: Expectation, text: String, marks: [Range<Int>], location: SourceLocation) {
        self.target = target
        self.expect = expect
        self.text = text
        self.marks = marks
        self.location = location
    }
}
