import MarkbenchText
import RubricModel

/// A set of signals, one bit per `Signal`.
struct SignalSet: OptionSet, Sendable, Hashable {
    let rawValue: UInt32
    init(rawValue: UInt32) { self.rawValue = rawValue }
    init(_ signal: Signal) { rawValue = 1 << UInt32(Signal.allCases.firstIndex(of: signal)!) }
    func has(_ signal: Signal) -> Bool { contains(SignalSet(signal)) }
    mutating func add(_ signal: Signal) { insert(SignalSet(signal)) }
}

/// Whose action a clause narrates, and how.
struct Clause: Hashable {
    enum Subject { case i, we }
    enum Mode { case past, habitual, present, hypothetical, state, task }
    var subject: Subject
    var mode: Mode
    var firstToken: Int
    var lastToken: Int
}

/// Everything the engine knows about one sentence after the single scan.
struct SentenceFacts {
    var hits: [PhraseMatcher.Hit] = []
    var conceptCounts: [Int32: Int] = [:]
    var signals = SignalSet()
    var clauses: [Clause] = []
    /// Token indices of numbers that measure something.
    var measures: [Int] = []
    /// A modal with no real action beside it: what might be done, not what was.
    var hypotheticalOnly = false
    var star: StarPart.Name?
}

extension StarPart {
    enum Name: String, CaseIterable { case situation, task, action, result }
}

/// Grammar the clause reader needs. Vocabulary that rubric authors tune lives in the lexicons;
/// these are closed classes of English.
enum Grammar {
    static let skippable: Set<String> = [
        "also", "then", "first", "firstly", "later", "now", "still", "just", "personally", "soon", "again", "always", "usually",
        "often", "regularly", "never", "even", "only", "already", "initially", "finally", "eventually", "actually", "myself",
        "ourselves", "both", "all", "together", "next", "immediately", "quickly", "sometimes", "generally", "recently", "not",
    ]
    static let modals: Set<String> = ["would", "could", "should", "might", "may", "must", "will", "shall", "ought"]
    static let have: Set<String> = ["have", "has", "had"]
    static let be: Set<String> = ["am", "was", "were", "is", "are", "be", "been"]
    static let determiners: Set<String> = [
        "a", "an", "the", "my", "our", "no", "some", "any", "many", "much", "more", "less", "few", "lots", "one", "two",
        "three", "four", "five", "six", "several", "this", "that", "these", "those", "his", "her", "their", "its", "your",
        "responsibility", "experience", "time", "access",
    ]
    static let doVerbs: Set<String> = ["do", "did", "does"]
    static let mental: Set<String> = [
        "think", "thought", "believe", "believed", "feel", "felt", "hope", "hoped", "know", "knew", "understand", "understood",
        "realise", "realised", "learn", "learned", "learnt", "want", "wanted", "like", "liked", "love", "loved", "guess",
        "suppose", "wonder", "wondered", "expect", "expected", "need", "needed", "can", "cannot", "enjoy", "enjoyed", "wish",
        "prefer", "preferred", "mean", "meant", "remember", "find", "noticed", "notice", "saw", "see", "hear", "heard",
    ]
    static let taskWords: Set<String> = [
        "asked", "told", "given", "responsible", "tasked", "expected", "required", "appointed", "supposed", "set", "allocated",
        "assigned", "challenged", "due",
    ]
    static let irregularPast: Set<String> = [
        "set", "put", "ran", "made", "took", "gave", "wrote", "spoke", "sent", "met", "led", "found", "told", "rang", "got",
        "built", "brought", "began", "chose", "drove", "kept", "sold", "spent", "taught", "went", "held", "paid", "bought",
        "did", "said", "sat", "stood", "drew", "cut", "read", "showed", "shown", "won", "lost", "left", "came", "became",
        "broke", "caught", "fed", "hung", "laid", "lent", "let", "rewrote", "shut", "split", "spread", "struck", "swapped",
        "thought", "understood", "undertook", "oversaw", "overtook", "withdrew", "fought", "sought", "rebuilt", "upheld",
    ]

    static func isPast(_ t: Token) -> Bool {
        t.kind == .word && ((t.norm.hasSuffix("ed") && t.norm.count > 3) || irregularPast.contains(t.norm))
    }
    static func isSkippable(_ t: Token) -> Bool {
        skippable.contains(t.norm) || (t.norm.hasSuffix("ly") && t.norm.count > 4 && t.kind == .word)
    }
}
