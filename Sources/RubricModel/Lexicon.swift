import MarkbenchDiagnostics

/// A shared vocabulary (command words, STAR cues, KPIs, models, legislation …) that rubrics
/// refer to by id.
public struct Lexicon: Sendable, Hashable {
    public var id: String
    public var version: String
    public var title: String
    public var description: String?
    /// Other lexicons this one refers to.
    public var uses: [String]
    public var concepts: [Concept]
    public var commandWords: [CommandWord]
    public var spellings: [SpellingVariant]
    public var location: SourceLocation

    public init(id: String, version: String, title: String, description: String?, uses: [String],
                concepts: [Concept], commandWords: [CommandWord], spellings: [SpellingVariant],
                location: SourceLocation) {
        self.id = id
        self.version = version
        self.title = title
        self.description = description
        self.uses = uses
        self.concepts = concepts
        self.commandWords = commandWords
        self.spellings = spellings
        self.location = location
    }

    public func concept(_ id: String) -> Concept? { concepts.first { $0.id == id } }
}

/// A command word ("evaluate") and what an answer to it must show.
public struct CommandWord: Sendable, Hashable {
    /// Something the text must show, recognised by a concept ("strengths", "weaknesses" …).
    public struct Demand: Sendable, Hashable {
        public var concept: ConceptRef
        public var label: String

        public init(concept: ConceptRef, label: String) {
            self.concept = concept
            self.label = label
        }
    }

    public var id: String
    /// 1 (identify) … 5 (evaluate): how deep the thinking asked for is.
    public var depth: Int?
    public var demand: String
    public var forms: [String]
    public var shows: [Demand]
    public var location: SourceLocation

    public init(id: String, depth: Int?, demand: String, forms: [String], shows: [Demand], location: SourceLocation) {
        self.id = id
        self.depth = depth
        self.demand = demand
        self.forms = forms
        self.shows = shows
        self.location = location
    }
}

/// A UK spelling and its US equivalent; input is normalised to the UK form.
public struct SpellingVariant: Sendable, Hashable {
    public var uk: String
    public var us: String

    public init(uk: String, us: String) {
        self.uk = uk
        self.us = us
    }
}

/// A rubric together with every lexicon it can reach: what the engine needs to mark.
public struct RubricBundle: Sendable, Hashable {
    public var rubric: Rubric
    /// Lexicons by id.
    public var lexicons: [String: Lexicon]

    public init(rubric: Rubric, lexicons: [String: Lexicon]) {
        self.rubric = rubric
        self.lexicons = lexicons
    }

    /// The concept `ref` names; local references resolve in the rubric.
    public func concept(_ ref: ConceptRef) -> Concept? {
        if let lexicon = ref.lexicon { return lexicons[lexicon]?.concept(ref.concept) }
        return rubric.concepts.first { $0.id == ref.concept }
    }

    /// The command word with `id`, from any lexicon.
    public func commandWord(_ id: String) -> CommandWord? {
        for key in lexicons.keys.sorted() {
            if let word = lexicons[key]?.commandWords.first(where: { $0.id == id }) { return word }
        }
        return nil
    }
}
