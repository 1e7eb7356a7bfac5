import MarkbenchDiagnostics

/// A unit rubric: what a unit asks for, and the declarative rules that say what text evidences it.
public struct Rubric: Sendable, Hashable {
    public var id: String
    public var version: String
    public var formatVersion: Int
    public var unit: UnitInfo
    /// Ids of the shared lexicons this rubric declares with `<use ref="…"/>`.
    public var lexiconRefs: [String]
    /// Where each `<use ref="…"/>` is written, for messages.
    public var lexiconRefLocations: [String: SourceLocation] = [:]
    public var outcomes: [LearningOutcome]
    public var markingPoints: [MarkingPoint]
    public var mistakes: [CommonMistake]
    public var guidance: [GuidanceTip]
    public var keyTerms: [String]
    public var concepts: [Concept]
    public var rules: [EvidenceRule]
    public var decision: DecisionRule
    /// Examples written outside a rule (`<examples>`), each naming its rule.
    public var examples: [RuleExample]
    /// Where the `<rubric>` element is.
    public var location: SourceLocation

    public init(id: String, version: String, formatVersion: Int, unit: UnitInfo, lexiconRefs: [String],
                outcomes: [LearningOutcome], markingPoints: [MarkingPoint], mistakes: [CommonMistake],
                guidance: [GuidanceTip], keyTerms: [String], concepts: [Concept], rules: [EvidenceRule],
                decision: DecisionRule, examples: [RuleExample], location: SourceLocation) {
        self.id = id
        self.version = version
        self.formatVersion = formatVersion
        self.unit = unit
        self.lexiconRefs = lexiconRefs
        self.outcomes = outcomes
        self.markingPoints = markingPoints
        self.mistakes = mistakes
        self.guidance = guidance
        self.keyTerms = keyTerms
        self.concepts = concepts
        self.rules = rules
        self.decision = decision
        self.examples = examples
        self.location = location
    }

    /// Every assessment criterion, in outcome order.
    public var criteria: [AssessmentCriterion] { outcomes.flatMap(\.criteria) }

    /// The criterion with `id`, if any.
    public func criterion(_ id: String) -> AssessmentCriterion? { criteria.first { $0.id == id } }

    /// The marking point with `id`, if any.
    public func markingPoint(_ id: String) -> MarkingPoint? { markingPoints.first { $0.id == id } }

    /// The rule with `id`, if any.
    public func rule(_ id: String) -> EvidenceRule? { rules.first { $0.id == id } }

    /// The mistake with `id`, if any.
    public func mistake(_ id: String) -> CommonMistake? { mistakes.first { $0.id == id } }

    /// Evidence rules that evidence the criterion or marking point `targetID`.
    public func rules(evidencing targetID: String) -> [EvidenceRule] {
        rules.filter { $0.kind == .evidence && $0.evidences.contains(targetID) }
    }

    /// Every example of the rubric: those inside rules and those in `<examples>`.
    public var allRuleExamples: [RuleExample] { rules.flatMap(\.examples) + examples }
}

/// Unit metadata, as the awarding body publishes it.
public struct UnitInfo: Sendable, Hashable {
    public var title: String
    public var qualification: String
    public var level: Int
    public var awardingBody: String
    /// The source documents this rubric was written from.
    public var sources: [String]
    public var synopsis: String?

    public init(title: String, qualification: String, level: Int, awardingBody: String, sources: [String],
                synopsis: String?) {
        self.title = title
        self.qualification = qualification
        self.level = level
        self.awardingBody = awardingBody
        self.sources = sources
        self.synopsis = synopsis
    }
}

/// A learning outcome and the assessment criteria under it.
public struct LearningOutcome: Sendable, Hashable {
    public var id: String
    public var text: String
    public var commandWord: String?
    public var criteria: [AssessmentCriterion]
    public var location: SourceLocation

    public init(id: String, text: String, commandWord: String?, criteria: [AssessmentCriterion],
                location: SourceLocation) {
        self.id = id
        self.text = text
        self.commandWord = commandWord
        self.criteria = criteria
        self.location = location
    }
}

/// An assessment criterion ("1.2"): its source text verbatim and the command word it demands.
public struct AssessmentCriterion: Sendable, Hashable {
    public var id: String
    public var outcomeID: String
    public var text: String
    public var commandWord: String
    public var location: SourceLocation

    public init(id: String, outcomeID: String, text: String, commandWord: String, location: SourceLocation) {
        self.id = id
        self.outcomeID = outcomeID
        self.text = text
        self.commandWord = commandWord
        self.location = location
    }
}

/// An examiner marking point ("MP3") and the criteria it supports.
public struct MarkingPoint: Sendable, Hashable {
    public var id: String
    public var text: String
    public var supports: [String]
    public var commandWord: String?
    public var location: SourceLocation

    public init(id: String, text: String, supports: [String], commandWord: String?, location: SourceLocation) {
        self.id = id
        self.text = text
        self.supports = supports
        self.commandWord = commandWord
        self.location = location
    }
}

/// How much a finding matters to the unit decision.
public enum Severity: String, Sendable, Hashable, Codable, CaseIterable {
    /// On its own makes the account not yet competent.
    case major
    /// Worth telling the learner; does not decide the unit.
    case minor
}

/// A common mistake or misconception from the unit's guidance, with its correction.
public struct CommonMistake: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, Codable { case mistake, misconception }

    public var id: String
    public var kind: Kind
    public var severity: Severity
    public var text: String
    /// What to tell a learner whose account shows this mistake.
    public var correction: String
    public var source: String?
    public var location: SourceLocation

    public init(id: String, kind: Kind, severity: Severity, text: String, correction: String, source: String?,
                location: SourceLocation) {
        self.id = id
        self.kind = kind
        self.severity = severity
        self.text = text
        self.correction = correction
        self.source = source
        self.location = location
    }
}

/// A piece of assessment guidance or an exam tip, to draw feedback from.
public struct GuidanceTip: Sendable, Hashable {
    public var id: String
    public var topic: String
    public var text: String
    public var source: String?
    public var location: SourceLocation

    public init(id: String, topic: String, text: String, source: String?, location: SourceLocation) {
        self.id = id
        self.topic = topic
        self.text = text
        self.source = source
        self.location = location
    }
}

/// The unit decision rule: when is an account competent?
public struct DecisionRule: Sendable, Hashable {
    /// Which criteria must reach which status.
    public struct CriteriaCondition: Sendable, Hashable {
        public enum Selection: Sendable, Hashable {
            case all
            case ids([String])
        }
        public enum Status: String, Sendable, Hashable { case met, partlyMet = "partly-met" }

        public var selection: Selection
        public var status: Status
        /// How many of the selected criteria may be *borderline* — partly met with only one
        /// condition of their best rule missing — and still count, with low confidence.
        public var allowBorderline: Int
        public var location: SourceLocation

        public init(selection: Selection, status: Status, allowBorderline: Int = 0, location: SourceLocation) {
            self.selection = selection
            self.status = status
            self.allowBorderline = allowBorderline
            self.location = location
        }
    }

    public var description: String
    public var criteria: [CriteriaCondition]
    /// The learner's own role must be clear (not written only as "we").
    public var requiresOwnRole: Bool
    /// Findings of this severity (or worse) block competence; nil when mistakes never do.
    public var blockingMistakeSeverity: Severity?
    public var location: SourceLocation

    public init(description: String, criteria: [CriteriaCondition], requiresOwnRole: Bool,
                blockingMistakeSeverity: Severity?, location: SourceLocation) {
        self.description = description
        self.criteria = criteria
        self.requiresOwnRole = requiresOwnRole
        self.blockingMistakeSeverity = blockingMistakeSeverity
        self.location = location
    }
}
