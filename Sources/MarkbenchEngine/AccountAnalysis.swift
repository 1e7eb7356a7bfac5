import MarkbenchText
import RubricModel

/// One pass over an account: phrase hits, clauses, signals, references and STAR labels per
/// sentence. Everything later (rules, detectors, scoring) reads from this.
struct AccountAnalysis {
    let doc: TextDocument
    let compiled: CompiledRubric
    var facts: [SentenceFacts]
    var references: [ReferenceParser.Parsed]
    /// Paragraphs that narrate in the past ("I phoned…", "she agreed…"): there a "would" with
    /// "every Monday" is the habitual past; elsewhere it is what would be done.
    private var narrativePast: Set<Int> = []

    init(doc: TextDocument, compiled: CompiledRubric) {
        self.doc = doc
        self.compiled = compiled
        facts = Array(repeating: SentenceFacts(), count: doc.sentences.count)
        references = ReferenceParser.parse(doc)

        var hits: [PhraseMatcher.Hit] = []
        for sentence in doc.sentences {
            hits.removeAll(keepingCapacity: true)
            compiled.matcher.scan(doc.tokens, range: sentence.tokens, into: &hits)
            facts[sentence.index].hits = Self.dedupe(hits)
            for hit in facts[sentence.index].hits { facts[sentence.index].conceptCounts[hit.concept, default: 0] += 1 }
        }
        var referenceTokens: Set<Int> = []
        for r in references {
            for t in r.firstToken...r.lastToken { referenceTokens.insert(t) }
            facts[r.sentence].signals.add(.criterionReference)
        }
        narrativePast = Self.paragraphsWithNarrativePast(doc)
        for sentence in doc.sentences {
            readSentence(sentence, referenceTokens: referenceTokens)
        }
        labelStar()
    }

    static func paragraphsWithNarrativePast(_ doc: TextDocument) -> Set<Int> {
        let subjects: Set<String> = ["i", "we", "he", "she", "they", "it", "team", "manager", "customers", "staff"]
        var out: Set<Int> = []
        for sentence in doc.sentences {
            let words = sentence.tokens.filter { doc.tokens[$0].isWordLike }
            for (k, index) in words.enumerated() where subjects.contains(doc.tokens[index].norm) {
                var p = k + 1
                while p < words.count, Grammar.isSkippable(doc.tokens[words[p]]) { p += 1 }
                if p < words.count, Grammar.isPast(doc.tokens[words[p]]) || ["was", "were", "did", "had"].contains(doc.tokens[words[p]].norm) {
                    out.insert(sentence.paragraph)
                    break
                }
            }
        }
        return out
    }

    /// Keeps, per concept, only hits not inside a longer hit of the same concept.
    static func dedupe(_ hits: [PhraseMatcher.Hit]) -> [PhraseMatcher.Hit] {
        let sorted = hits.sorted { ($0.concept, $0.firstToken, -$0.lastToken) < ($1.concept, $1.firstToken, -$1.lastToken) }
        var out: [PhraseMatcher.Hit] = []
        for hit in sorted {
            if let last = out.last, last.concept == hit.concept, hit.firstToken <= last.lastToken { continue }
            out.append(hit)
        }
        return out
    }

    func has(_ concept: Int32?, in sentence: Int) -> Bool {
        guard let concept else { return false }
        return facts[sentence].conceptCounts[concept] != nil
    }


    // MARK: - Clauses and signals

    private mutating func readSentence(_ sentence: Sentence, referenceTokens: Set<Int>) {
        let tokens = doc.tokens
        let s = sentence.index
        let words = sentence.tokens.filter { tokens[$0].isWordLike }
        let c = compiled
        let habitual = has(c.builtins.habitual, in: s) && narrativePast.contains(sentence.paragraph)
        var signals = facts[s].signals
        var clauses: [Clause] = []

        for (position, index) in words.enumerated() {
            let norm = tokens[index].norm
            let subject: Clause.Subject
            if norm == "i" {
                subject = .i
            } else if norm == "we" {
                subject = .we
            } else {
                continue
            }
            var p = position + 1
            while p < words.count, Grammar.isSkippable(tokens[words[p]]) { p += 1 }
            guard p < words.count else { continue }
            let verb = tokens[words[p]]
            let after = p + 1 < words.count ? tokens[words[p + 1]] : nil
            var mode: Clause.Mode
            if Grammar.modals.contains(verb.norm) {
                if verb.norm == "would" && habitual {
                    mode = .habitual
                } else if verb.norm == "could", after?.norm == "not" || after?.norm == "see" {
                    mode = .state
                } else {
                    mode = .hypothetical
                }
            } else if Grammar.have.contains(verb.norm) {
                // "I have rewritten", "I had to phone": done. "I have a team", "we have feedback forms": a state.
                if let after, after.norm == "to" || after.norm == "been" || Grammar.isPast(after)
                    || (after.norm.hasSuffix("en") && !Grammar.determiners.contains(after.norm)) {
                    mode = .past
                } else {
                    mode = .state
                }
            } else if Grammar.be.contains(verb.norm) {
                if let after, Grammar.taskWords.contains(after.norm) {
                    mode = .task
                } else if let after, after.norm.hasSuffix("ing"), after.norm.count > 4, after.norm != "going" {
                    // "we were getting complaints": a state of affairs, not a step taken.
                    mode = verb.norm == "am" || verb.norm == "are" ? .present : .state
                } else if let after, after.norm == "going", p + 2 < words.count, tokens[words[p + 2]].norm == "to" {
                    mode = .hypothetical
                } else {
                    mode = .state
                }
            } else if Grammar.doVerbs.contains(verb.norm) {
                mode = verb.norm == "did" ? .past : .present
            } else if Grammar.mental.contains(verb.norm) || verb.kind != .word {
                mode = .state
            } else if Grammar.isPast(verb) {
                mode = .past
            } else {
                mode = .present
            }
            // "If I found a problem I would…": a condition, not an event.
            if position > 0, ["if", "unless"].contains(tokens[words[position - 1]].norm), mode == .past || mode == .present {
                mode = .hypothetical
            }
            clauses.append(Clause(subject: subject, mode: mode, firstToken: index, lastToken: words[p]))
        }

        let real: Set<Clause.Mode> = [.past, .habitual, .present]
        if clauses.contains(where: { $0.subject == .i && real.contains($0.mode) }) { signals.add(.ownAction) }
        if clauses.contains(where: { $0.subject == .we && real.contains($0.mode) }) { signals.add(.weAction) }
        if words.contains(where: { ["i", "me", "my", "myself", "mine"].contains(tokens[$0].norm) }) { signals.add(.firstPerson) }

        // Hypothetical: a modal that is neither a habitual "would" nor a past "could not".
        var hypothetical = clauses.contains { $0.mode == .hypothetical }
        if !hypothetical {
            for (position, index) in words.enumerated() where Grammar.modals.contains(tokens[index].norm) {
                let norm = tokens[index].norm
                let next = position + 1 < words.count ? tokens[words[position + 1]].norm : ""
                if norm == "would" && habitual { continue }
                if norm == "could" && (next == "not" || next == "see") { continue }
                if norm == "may" || norm == "will" && next == "" { continue }
                hypothetical = true
                break
            }
        }
        if hypothetical { signals.add(.hypothetical) }
        // Hypothetical only: a modal, and nothing in the past tense at all (a conditional plan
        // such as "if a crew broke down, the coordinator would phone" still reports what was set up).
        let realPast = clauses.contains { ($0.mode == .past || $0.mode == .habitual) }
            || words.contains { Grammar.isPast(tokens[$0]) && !Grammar.modals.contains(tokens[$0].norm) }
        facts[s].hypotheticalOnly = hypothetical && !realPast

        // Measures: numbers that count something, not references, list numbers or law years.
        var measures: [Int] = []
        let legislationYears = legislationYearTokens(in: s)
        for index in sentence.tokens where tokens[index].kind == .number && !referenceTokens.contains(index)
            && !legislationYears.contains(index) {
            let t = tokens[index]
            let next = index + 1 < sentence.tokens.upperBound ? tokens[index + 1] : nil
            let previous = index > sentence.tokens.lowerBound ? tokens[index - 1] : nil
            if let value = Int(t.norm), (1900...2100).contains(value), t.norm.count == 4,
               next?.text != "%", previous?.kind != .symbol {
                continue // a year
            }
            measures.append(index)
        }
        for index in words where ["halved", "doubled", "tripled", "trebled"].contains(tokens[index].norm) { measures.append(index) }
        facts[s].measures = measures
        if !measures.isEmpty { signals.add(.measured) }

        let change = has(c.builtins.increase, in: s) || has(c.builtins.decrease, in: s)
            || has(c.builtins.beforeAfter, in: s)
        // "from 14 to 5": both ends are numbers (a £ or % may sit between).
        func numberFollows(_ word: String) -> Int? {
            for (k, index) in words.enumerated() where tokens[index].norm == word {
                let next = words[(k + 1)...].prefix(2)
                if next.contains(where: { tokens[$0].kind == .number }) { return k }
            }
            return nil
        }
        let fromTo: Bool = {
            guard let from = numberFollows("from"), let to = numberFollows("to") else { return false }
            return to > from
        }()
        if !measures.isEmpty && (change || fromTo) { signals.add(.comparison) }

        // Specific context: a proper noun inside the sentence, a time anchor, or the learner's own setting.
        let properNoun = words.dropFirst().contains { idx in
            let t = tokens[idx]
            return t.kind == .word && t.isCapitalised && t.norm != "i" && t.text.count > 1
                && !(idx > 0 && [".", ":", "\u{201C}", "\""].contains(tokens[idx - 1].text))
        }
        let anchored = has(c.builtins.timeAnchor, in: s)
        let owned = words.contains { ["my", "our"].contains(tokens[$0].norm) }
        let setting = has(c.builtins.role, in: s) || has(c.builtins.setting, in: s)
        if !sentence.isHeading && (properNoun || anchored || (setting && owned) || !measures.isEmpty) {
            signals.add(.specificContext)
        }
        let genericCue = has(c.builtins.generic, in: s)
        if !sentence.isHeading && (genericCue || (hypothetical && !signals.has(.firstPerson) && !owned
            && !words.contains { tokens[$0].norm == "we" } && !signals.has(.specificContext))) {
            signals.add(.generic)
        }
        if has(c.builtins.wentWell, in: s) || has(c.builtins.learned, in: s)
            || has(c.builtins.differently, in: s) {
            signals.add(.reflection)
        }
        facts[s].signals = signals
        facts[s].clauses = clauses
    }

    /// The STAR part a paragraph's heading names, if any ("Result", "The outcome", "Task").
    private func headingPart(for sentence: Sentence) -> StarPart.Name? {
        guard let h = doc.paragraphs[sentence.paragraph].heading, h != sentence.index else { return nil }
        let words = Set(doc.sentences[h].tokens.map { doc.tokens[$0].norm })
        if !words.isDisjoint(with: ["result", "results", "outcome", "outcomes", "impact", "difference"])
            || (words.contains("it") && words.contains("worked")) || (words.contains("what") && words.contains("happened")) {
            return .result
        }
        if !words.isDisjoint(with: ["situation", "background", "context"]) { return .situation }
        if words.contains("task") { return .task }
        if !words.isDisjoint(with: ["action", "actions"]) { return .action }
        return nil
    }

    /// Number tokens written straight after a law's name: its year, not a measure.
    private func legislationYearTokens(in sentence: Int) -> Set<Int> {
        var out: Set<Int> = []
        for hit in facts[sentence].hits where compiled.concepts[Int(hit.concept)].kind == .legislation {
            var t = hit.lastToken + 1
            var steps = 0
            while t < doc.tokens.count, steps < 3 {
                if doc.tokens[t].kind == .number { out.insert(t); break }
                t += 1
                steps += 1
            }
        }
        return out
    }

    // MARK: - STAR

    /// Labels each body sentence with the STAR parts it expresses (a sentence can set a task and
    /// report an action at once); `star` keeps the main one.
    private mutating func labelStar() {
        let c = compiled
        var seenAction = false
        for sentence in doc.sentences where !sentence.isHeading {
            let s = sentence.index
            let f = facts[s]
            if f.hypotheticalOnly || (f.signals.has(.reflection) && !f.signals.has(.measured)) { continue }
            if f.signals.has(.generic) && !f.signals.has(.specificContext) { continue }
            let pastMine = f.clauses.contains { ($0.mode == .past || $0.mode == .habitual) && ($0.subject == .i || $0.subject == .we) }
            let resultCue = has(c.builtins.starResult, in: s)
            let taskCue = has(c.builtins.starTask, in: s) || f.clauses.contains { $0.mode == .task }
            let situationCue = has(c.builtins.starSituation, in: s) || has(c.builtins.role, in: s)
                || has(c.builtins.setting, in: s)
            var parts: [StarPart.Name] = []
            // Under a STAR heading ("## Result", "Actions taken"), the heading says what the text is.
            let headed = headingPart(for: sentence)
            // A result follows the actions: a measured change, or result wording that is not a target.
            let isResult = seenAction
                && (f.signals.has(.comparison) || (resultCue && !f.signals.has(.hypothetical) && !taskCue))
            if isResult || (headed == .result && !f.signals.has(.hypothetical)) { parts.append(.result) }
            if headed == .situation, !parts.contains(.situation) { parts.append(.situation) }
            if headed == .task, !parts.contains(.task) { parts.append(.task) }
            if pastMine { parts.append(.action) }
            if taskCue { parts.append(.task) }
            if !pastMine && !isResult && (situationCue || f.signals.has(.specificContext)) { parts.append(.situation) }
            if pastMine { seenAction = true }
            facts[s].star = parts.first
            for part in parts {
                switch part {
                case .situation: facts[s].signals.add(.starSituation)
                case .task: facts[s].signals.add(.starTask)
                case .action: facts[s].signals.add(.starAction)
                case .result: facts[s].signals.add(.starResult)
                }
            }
        }
    }
}
