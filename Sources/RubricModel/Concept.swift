import MarkbenchDiagnostics

/// A reference to a concept: local to the file (`feedback`) or in a lexicon (`measures:csat`).
public struct ConceptRef: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var lexicon: String?
    public var concept: String

    public init(lexicon: String?, concept: String) {
        self.lexicon = lexicon
        self.concept = concept
    }

    /// Parses `lexicon:concept` or `concept`.
    public init(parsing text: String) {
        if let colon = text.firstIndex(of: ":") {
            lexicon = String(text[..<colon])
            concept = String(text[text.index(after: colon)...])
        } else {
            lexicon = nil
            concept = text
        }
    }

    public var description: String { lexicon.map { "\($0):\(concept)" } ?? concept }

    /// This reference made absolute, with `owner` as the lexicon of a local reference.
    /// A rubric's own concepts have owner nil.
    public func resolved(in owner: String?) -> ConceptRef {
        lexicon == nil ? ConceptRef(lexicon: owner, concept: concept) : self
    }

    public static func < (a: ConceptRef, b: ConceptRef) -> Bool { a.description < b.description }
}

/// What a concept names; the engine gives some kinds extra checks (a law's year, a model applied).
public enum ConceptKind: String, Sendable, Hashable, Codable, CaseIterable {
    case term, cue, verb, kpi, model, legislation
}

/// A named idea with the phrases that express it ("customer feedback", "survey", …).
/// Phrases are matched after normalisation (case, UK/US spelling, inflection).
public struct Concept: Sendable, Hashable {
    public var id: String
    public var label: String?
    public var kind: ConceptKind
    /// For legislation: the year in the law's correct name.
    public var year: Int?
    public var phrases: [Phrase]
    /// Other concepts whose phrases this one also matches.
    public var includes: [ConceptRef]
    public var examples: [RuleExample]
    public var location: SourceLocation

    public init(id: String, label: String?, kind: ConceptKind, year: Int?, phrases: [Phrase],
                includes: [ConceptRef], examples: [RuleExample], location: SourceLocation) {
        self.id = id
        self.label = label
        self.kind = kind
        self.year = year
        self.phrases = phrases
        self.includes = includes
        self.examples = examples
        self.location = location
    }

    /// A readable name: the label, or the id.
    public var displayName: String { label ?? id }
}

/// One phrase of a concept. `stem == false` matches the words exactly (after case folding).
public struct Phrase: Sendable, Hashable {
    public var text: String
    public var stem: Bool
    public var location: SourceLocation

    public init(text: String, stem: Bool, location: SourceLocation) {
        self.text = text
        self.stem = stem
        self.location = location
    }
}
