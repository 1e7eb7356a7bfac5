import MarkbenchText

/// What the engine concludes about one account: a plain value that reporters render.
/// Its JSON shape is documented in docs/report-json.md and versioned by `schemaVersion`.
public struct MarkingResult: Sendable, Codable, Hashable {
    /// Version of this JSON shape. Bumped on any incompatible change.
    public static let currentSchemaVersion = "1.1"

    public var schemaVersion: String = MarkingResult.currentSchemaVersion
    public var account: AccountInfo
    public var rubric: RubricInfo
    public var decision: Decision
    public var criteria: [TargetResult]
    public var markingPoints: [TargetResult]
    public var star: StarReport
    public var ownership: OwnershipReport
    public var measuredResults: MeasuredResultsReport
    public var reflection: ReflectionReport
    public var context: ContextReport
    public var references: [LearnerReference]
    public var findings: [Finding]
    /// Every sentence with what the engine saw in it, for reports that show the account
    /// itself (added in 1.1).
    public var sentences: [SentenceAnnotation]
}

/// One sentence of the account: where it is, its STAR parts, its signals and the criteria or
/// marking points it is quoted as evidence for.
public struct SentenceAnnotation: Sendable, Codable, Hashable {
    public var start: Int
    public var end: Int
    public var line: Int
    public var column: Int
    public var paragraph: Int
    public var heading: Bool
    public var listItem: Bool
    /// situation / task / action / result
    public var star: [String]
    /// Signal names (own-action, we-action, hypothetical, measured …), in a fixed order.
    public var signals: [String]
    /// Criteria and marking points this sentence is evidence for.
    public var evidences: [String]
}

public struct AccountInfo: Sendable, Codable, Hashable {
    public var name: String
    public var words: Int
    public var sentences: Int
    public var paragraphs: Int
}

public struct RubricInfo: Sendable, Codable, Hashable {
    public var id: String
    public var version: String
    public var title: String
}

/// Met, partly met or not met.
public enum EvidenceStatus: String, Sendable, Codable, Hashable, Comparable {
    case notMet = "not-met"
    case partlyMet = "partly-met"
    case met

    private var rank: Int { self == .met ? 2 : self == .partlyMet ? 1 : 0 }
    public static func < (a: EvidenceStatus, b: EvidenceStatus) -> Bool { a.rank < b.rank }
}

/// How sure the engine is, in words a reader can check.
public struct Confidence: Sendable, Codable, Hashable {
    public enum Level: String, Sendable, Codable, Hashable { case high, medium, low }
    public var level: Level
    public var reason: String
}

/// The suggested unit decision and why.
public struct Decision: Sendable, Codable, Hashable {
    public enum Outcome: String, Sendable, Codable, Hashable {
        case competent
        case notYetCompetent = "not-yet-competent"
    }
    public var outcome: Outcome
    /// The decision rule, as the rubric words it.
    public var rule: String
    /// Each condition of the rule and whether it holds.
    public var conditions: [DecisionCondition]
    public var confidence: Confidence
}

public struct DecisionCondition: Sendable, Codable, Hashable {
    public var description: String
    public var holds: Bool
    public var detail: String
}

/// A quoted piece of the account: where it is and what it says.
public struct Evidence: Sendable, Codable, Hashable {
    public var start: Int
    public var end: Int
    public var line: Int
    public var column: Int
    public var quote: String
}

/// The judgement on one criterion or marking point.
public struct TargetResult: Sendable, Codable, Hashable {
    public enum Kind: String, Sendable, Codable, Hashable { case criterion, markingPoint = "marking-point" }
    public var id: String
    public var kind: Kind
    /// The criterion's source text, verbatim from the rubric.
    public var text: String
    public var commandWord: String?
    public var status: EvidenceStatus
    /// The sentences the judgement rests on.
    public var evidence: [Evidence]
    /// Every rule that could evidence this target: fired or not, and why.
    public var rules: [RuleOutcome]
    /// The learner cited this criterion somewhere.
    public var referencedByLearner: Bool
    public var confidence: Confidence
}

/// How one rule went on this account.
public struct RuleOutcome: Sendable, Codable, Hashable {
    public var ruleID: String
    public var description: String
    public var scope: String
    public var status: EvidenceStatus
    /// Units (sentences, paragraphs or the document) that satisfied the rule.
    public var unitsPassed: Int
    public var unitsNeeded: Int
    /// The conditions in the best unit: which held and which did not.
    public var conditions: [ConditionOutcome]
    public var evidence: [Evidence]
}

public struct ConditionOutcome: Sendable, Codable, Hashable {
    public enum Kind: String, Sendable, Codable, Hashable { case require, any, forbid }
    public var kind: Kind
    /// e.g. "concept measures:csat ×1" or "signal own-action ×1".
    public var condition: String
    public var label: String
    public var holds: Bool
    public var found: Int
}

/// STAR structure of the account.
public struct StarReport: Sendable, Codable, Hashable {
    public var parts: [StarPart]
    /// True when the parts that are present first appear in S, T, A, R order.
    public var inOrder: Bool
    public var order: [String]
}

public struct StarPart: Sendable, Codable, Hashable {
    public enum Strength: String, Sendable, Codable, Hashable { case absent, thin, present }
    public var part: String
    public var present: Bool
    public var strength: Strength
    public var sentences: [Evidence]
    /// For the Action: whether it is the learner's own ("I …") rather than "we".
    public var ownedByLearner: Bool?
}

public struct OwnershipReport: Sendable, Codable, Hashable {
    public enum Verdict: String, Sendable, Codable, Hashable {
        case i = "I"
        case mixed
        case we
    }
    public var verdict: Verdict
    public var iActions: Int
    public var weActions: Int
    public var examples: [Evidence]
}

public struct MeasuredResultsReport: Sendable, Codable, Hashable {
    /// A result is stated with numbers (a measured outcome, not just any number).
    public var quantified: Bool
    public var results: [Evidence]
    /// Measures and KPIs named (e.g. "CSAT", "average handling time").
    public var kpis: [String]
}

public struct ReflectionReport: Sendable, Codable, Hashable {
    public var present: Bool
    /// Which reflection moves appear: went-well, learned, differently.
    public var kinds: [String]
    public var evidence: [Evidence]
}

public struct ContextReport: Sendable, Codable, Hashable {
    /// Sentences that name a specific place, person, role or time.
    public var specificSentences: Int
    public var genericSentences: Int
    public var hypotheticalSentences: Int
    public var examples: [Evidence]
}

/// A criterion reference the learner wrote ("AC 1.2", "(1.3)", "1.1–1.3").
public struct LearnerReference: Sendable, Codable, Hashable {
    public var written: String
    public var evidence: Evidence
    /// Normalised ids ("1.2"), ranges expanded.
    public var targets: [ReferenceTarget]
}

public struct ReferenceTarget: Sendable, Codable, Hashable {
    public var id: String
    public var exists: Bool
    public var supported: Bool
    public var reason: String
}

/// Something the engine noticed, with the rule behind it and where.
public struct Finding: Sendable, Codable, Hashable {
    public enum Severity: String, Sendable, Codable, Hashable, Comparable {
        case info, minor, major
        private var rank: Int { self == .major ? 2 : self == .minor ? 1 : 0 }
        public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
    }
    /// The rule that fired: a rubric rule id, or `builtin.…` for the engine's own detectors.
    public var ruleID: String
    public var severity: Severity
    public var category: String
    public var message: String
    /// What to do about it.
    public var advice: String?
    public var criterionID: String?
    public var mistakeID: String?
    public var evidence: Evidence?
}
