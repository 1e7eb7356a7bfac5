import MarkbenchDiagnostics
import MarkbenchText
import RubricModel

/// A rubric and its lexicons prepared for marking: every concept numbered, every phrase in
/// one automaton, US→UK spellings gathered. Immutable and shareable across tasks.
struct CompiledRubric: Sendable {
    let bundle: RubricBundle
    /// Concepts by index; local rubric concepts have `lexicon == nil`.
    let conceptRefs: [ConceptRef]
    let concepts: [Concept]
    let conceptIndex: [ConceptRef: Int32]
    let matcher: PhraseMatcher
    let spellings: [String: String]
    /// Well-known lexicon concepts the detectors read, resolved once.
    let builtins: Builtins
    /// For each rule (rubric order), each condition's requirements resolved to indices.
    let ruleTargets: [[[ResolvedTarget]]]

    var rubric: Rubric { bundle.rubric }

    init(bundle: RubricBundle) throws(DiagnosticError) {
        self.bundle = bundle
        var spellings: [String: String] = [:]
        for id in bundle.lexicons.keys.sorted() {
            for variant in bundle.lexicons[id]!.spellings { spellings[variant.us] = variant.uk }
        }
        self.spellings = spellings

        var refs: [ConceptRef] = []
        var list: [Concept] = []
        for concept in bundle.rubric.concepts {
            refs.append(ConceptRef(lexicon: nil, concept: concept.id))
            list.append(concept)
        }
        for id in bundle.lexicons.keys.sorted() {
            for concept in bundle.lexicons[id]!.concepts {
                refs.append(ConceptRef(lexicon: id, concept: concept.id))
                list.append(concept)
            }
        }
        var index: [ConceptRef: Int32] = [:]
        for (i, ref) in refs.enumerated() { index[ref] = Int32(i) }
        conceptRefs = refs
        concepts = list
        conceptIndex = index

        guard let normaliser = Normaliser(spellings: spellings) else {
            throw DiagnosticError(Diagnostic(code: "engine.stemmer", at: bundle.rubric.location,
                                             "the Snowball English stemmer is not available",
                                             hint: "install libstemmer0d (Debian) and try again"))
        }
        // Which concepts each concept's phrases count for: itself and every concept that
        // includes it, directly or through others.
        var includedBy: [[Int32]] = Array(repeating: [], count: refs.count)
        for (i, concept) in list.enumerated() {
            for include in concept.includes {
                if let target = index[include.resolved(in: refs[i].lexicon)] { includedBy[Int(target)].append(Int32(i)) }
            }
        }
        func owners(of concept: Int32) -> [Int32] {
            var seen: Set<Int32> = [concept]
            var stack = [concept]
            while let c = stack.popLast() {
                for parent in includedBy[Int(c)] where seen.insert(parent).inserted { stack.append(parent) }
            }
            return seen.sorted()
        }
        var matcher = PhraseMatcher()
        var seenPhrases: [String: Int] = [:]
        for (i, concept) in list.enumerated() {
            let conceptOwners = owners(of: Int32(i))
            for phrase in concept.phrases {
                let tokens = normaliser.phraseTokens(phrase.text)
                guard !tokens.isEmpty else { continue }
                // Exact phrases that share a stem ("brief", "briefed") are different phrases.
                let key = "\(i)|\(phrase.stem)|" + tokens.map { phrase.stem ? $0.stem : $0.norm }.joined(separator: " ")
                if seenPhrases[key] != nil { continue }
                seenPhrases[key] = 1
                matcher.add(stems: tokens.map(\.stem), exact: phrase.stem ? nil : tokens.map(\.norm), concepts: conceptOwners)
            }
        }
        matcher.finish()
        self.matcher = matcher
        builtins = Builtins(index)
        ruleTargets = bundle.rubric.rules.map { rule in
            rule.conditions.map { condition in
                condition.requirements.map { r in
                    switch r.target {
                    case .concept(let ref): ResolvedTarget(concept: index[ref] ?? -1, signal: nil, min: r.min)
                    case .signal(let signal): ResolvedTarget(concept: -1, signal: SignalSet(signal), min: r.min)
                    }
                }
            }
        }
    }

    /// The index of a concept, if the rubric or its lexicons define it.
    func index(of ref: ConceptRef) -> Int32? { conceptIndex[ref] }
}

/// A requirement resolved for fast counting: a concept index (or -1) or a signal bit.
struct ResolvedTarget: Sendable, Hashable {
    var concept: Int32
    var signal: SignalSet?
    var min: Int
}

/// Indices of the lexicon concepts the built-in detectors rely on (see docs/lexicon-contract.md).
struct Builtins: Sendable {
    let habitual, hypothetical, generic: Int32?
    let timeAnchor, role, setting: Int32?
    let wentWell, learned, differently: Int32?
    let increase, decrease, beforeAfter: Int32?
    let starSituation, starTask, starResult: Int32?

    init(_ index: [ConceptRef: Int32]) {
        func i(_ l: String, _ c: String) -> Int32? { index[ConceptRef(lexicon: l, concept: c)] }
        habitual = i("modality", "habitual"); hypothetical = i("modality", "hypothetical"); generic = i("modality", "generic")
        timeAnchor = i("context", "time-anchor"); role = i("context", "role"); setting = i("context", "setting")
        wentWell = i("reflection", "went-well"); learned = i("reflection", "learned"); differently = i("reflection", "differently")
        increase = i("measures", "increase"); decrease = i("measures", "decrease"); beforeAfter = i("measures", "before-after")
        starSituation = i("star", "situation"); starTask = i("star", "task"); starResult = i("star", "result")
    }
}
