import MarkbenchText
import RubricModel

/// Every phrase of every concept compiled into one Aho–Corasick automaton over token stems,
/// so an account is scanned once, whatever the number of phrases.
struct PhraseMatcher: Sendable {
    /// One compiled phrase.
    struct CompiledPhrase: Sendable {
        /// Concepts (by index) that this phrase expresses, through their own phrases or includes.
        var concepts: [Int32]
        var length: Int
        /// For `stem="false"` phrases: the exact normal forms the tokens must have.
        var exactNorms: [String]?
    }

    /// A phrase found in a sentence.
    struct Hit: Sendable, Hashable {
        var concept: Int32
        /// Indices into the document's tokens (first and last word of the phrase).
        var firstToken: Int
        var lastToken: Int
    }

    private var vocabulary: [String: Int32] = [:]
    private var transitions: [[Int32: Int32]] = [[:]]
    private var fail: [Int32] = [0]
    private var outputs: [[Int32]] = [[]]
    private(set) var phrases: [CompiledPhrase] = []

    /// Number of automaton states (for benchmarks and curiosity).
    var stateCount: Int { transitions.count }

    /// Adds a phrase given as stems; `exact` holds normal forms when the phrase must match exactly.
    mutating func add(stems: [String], exact: [String]?, concepts: [Int32]) {
        guard !stems.isEmpty else { return }
        var state: Int32 = 0
        for stem in stems {
            let symbol: Int32
            if let s = vocabulary[stem] {
                symbol = s
            } else {
                symbol = Int32(vocabulary.count)
                vocabulary[stem] = symbol
            }
            if let next = transitions[Int(state)][symbol] {
                state = next
            } else {
                let next = Int32(transitions.count)
                transitions.append([:])
                fail.append(0)
                outputs.append([])
                transitions[Int(state)][symbol] = next
                state = next
            }
        }
        outputs[Int(state)].append(Int32(phrases.count))
        phrases.append(CompiledPhrase(concepts: concepts, length: stems.count, exactNorms: exact))
    }

    /// Computes failure links (breadth first) and merges outputs along them. Call once after adding.
    mutating func finish() {
        var queue: [Int32] = []
        for (_, child) in transitions[0].sorted(by: { $0.key < $1.key }) {
            fail[Int(child)] = 0
            queue.append(child)
        }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            for (symbol, child) in transitions[Int(state)].sorted(by: { $0.key < $1.key }) {
                queue.append(child)
                var f = fail[Int(state)]
                while f != 0, transitions[Int(f)][symbol] == nil { f = fail[Int(f)] }
                let target = transitions[Int(f)][symbol] ?? 0
                fail[Int(child)] = target == child ? 0 : target
                outputs[Int(child)] += outputs[Int(fail[Int(child)])]
            }
        }
    }

    /// The symbol of a stem, or nil when no phrase uses it.
    func symbol(for stem: String) -> Int32? { vocabulary[stem] }

    /// Scans one sentence's tokens (indices into `tokens`) and returns every phrase hit.
    func scan(_ tokens: [Token], range: Range<Int>, into hits: inout [Hit]) {
        var state: Int32 = 0
        // Positions of the word-like tokens scanned so far in this sentence, to map back.
        var positions: [Int] = []
        positions.reserveCapacity(range.count)
        for index in range {
            let token = tokens[index]
            guard token.isWordLike else { continue }
            positions.append(index)
            guard let symbol = vocabulary[token.stem] else {
                state = 0
                continue
            }
            while state != 0, transitions[Int(state)][symbol] == nil { state = fail[Int(state)] }
            state = transitions[Int(state)][symbol] ?? 0
            for phraseIndex in outputs[Int(state)] {
                let phrase = phrases[Int(phraseIndex)]
                let first = positions.count - phrase.length
                guard first >= 0 else { continue }
                if let exact = phrase.exactNorms {
                    var ok = true
                    for (k, norm) in exact.enumerated() where tokens[positions[first + k]].norm != norm {
                        ok = false
                        break
                    }
                    if !ok { continue }
                }
                for concept in phrase.concepts {
                    hits.append(Hit(concept: concept, firstToken: positions[first], lastToken: index))
                }
            }
        }
    }
}
