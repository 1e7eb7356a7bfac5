/// Splits text into paragraphs, sentences and tokens. Knows Markdown headings and lists, plain
/// headings (a short line with no closing punctuation), abbreviations ("e.g.", "Mr", "No. 4")
/// and numbers ("2.5%", "£1,200", "AC 1.2"), so none of them ends a sentence by mistake.
enum Segmenter {
    struct Output {
        var tokens: [Token] = []
        var sentences: [Sentence] = []
        var paragraphs: [Paragraph] = []
        var lineStarts: [Int] = []
    }

    private enum LineKind { case blank, heading, listItem, text }

    private struct Line {
        var kind: LineKind
        var tokens: [Token]
    }

    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "no", "nos", "st", "vs", "approx", "ltd", "co", "inc", "dept", "ref", "tel", "fig",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "prof", "rev", "gov",
        "wk", "min", "mins", "hr", "hrs", "est", "cf", "al", "ave", "rd", "p", "pp", "para",
    ]
    private static let terminators: Set<String> = [".", "!", "?", "…"]
    private static let closers: Set<String> = ["\"", "'", "\u{201D}", "\u{2019}", ")", "]"]

    static func segment(_ text: String, normaliser: Normaliser) -> Output {
        var out = Output()
        var lines: [Line] = []
        var offset = 0
        // Split on the byte 0x0A: Swift treats "\r\n" as one Character, so split the UTF-8 view.
        for raw in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
            out.lineStarts.append(offset)
            var line = Substring(raw)
            if line.utf8.last == 0x0D { line = Substring(line.utf8.dropLast()) }
            let rawTokens = Tokenizer.tokenize(line.unicodeScalars, base: offset)
            lines.append(classify(rawTokens.map { token(from: $0, normaliser: normaliser) }))
            offset += raw.count + 1
        }

        // Paragraphs: blank lines separate; a heading starts a new one; a paragraph holding only
        // headings stays open so the heading joins the text under it.
        var paragraphLines: [[Line]] = []
        var current: [Line] = []
        func close() {
            if !current.isEmpty { paragraphLines.append(current) }
            current = []
        }
        for line in lines {
            switch line.kind {
            case .blank:
                // A lead-in ending with ":" keeps its list (or text) after a blank line, as Word
                // documents and loose Markdown lists write it.
                let leadIn = current.last.map { $0.kind == .text && $0.tokens.last?.text == ":" } ?? false
                if !current.allSatisfy({ $0.kind == .heading }) && !leadIn { close() }
            case .heading:
                if !current.allSatisfy({ $0.kind == .heading }) { close() }
                current.append(line)
            case .listItem, .text:
                current.append(line)
            }
        }
        close()

        for block in paragraphLines {
            let paragraphIndex = out.paragraphs.count
            let firstSentence = out.sentences.count
            var pending: [Token] = []
            var pendingIsList = false
            func flush(heading: Bool = false) {
                guard !pending.isEmpty else { return }
                for piece in split(pending, heading: heading) {
                    let start = out.tokens.count
                    out.tokens.append(contentsOf: piece)
                    out.sentences.append(Sentence(
                        index: out.sentences.count, span: TextSpan(start: piece.first!.span.start, end: piece.last!.span.end),
                        tokens: start..<out.tokens.count, paragraph: paragraphIndex, isHeading: heading,
                        isListItem: pendingIsList))
                }
                pending = []
                pendingIsList = false
            }
            var headingSentence: Int?
            for line in block {
                switch line.kind {
                case .heading:
                    flush()
                    pending = line.tokens
                    if headingSentence == nil, out.sentences.count == firstSentence { headingSentence = out.sentences.count }
                    flush(heading: true)
                case .listItem:
                    flush()
                    pending = line.tokens
                    pendingIsList = true
                case .text:
                    if pendingIsList { flush() }
                    pending += line.tokens
                case .blank:
                    break
                }
            }
            flush()
            guard out.sentences.count > firstSentence else { continue }
            let span = TextSpan(start: out.sentences[firstSentence].span.start, end: out.sentences[out.sentences.count - 1].span.end)
            out.paragraphs.append(Paragraph(index: paragraphIndex, span: span, sentences: firstSentence..<out.sentences.count,
                                            heading: headingSentence))
        }
        if out.lineStarts.isEmpty { out.lineStarts = [0] }
        return out
    }

    private static func token(from raw: Tokenizer.RawToken, normaliser: Normaliser) -> Token {
        let span = TextSpan(start: raw.start, end: raw.end)
        let capital = raw.text.unicodeScalars.first.map(Tokenizer.isUpper) ?? false
        switch raw.kind {
        case .word:
            if let fixed = raw.norm {
                return Token(kind: .word, span: span, text: raw.text, norm: fixed, stem: normaliser.stem(fixed), isCapitalised: capital)
            }
            let (norm, stem) = normaliser.normalise(raw.text)
            return Token(kind: .word, span: span, text: raw.text, norm: norm, stem: stem, isCapitalised: capital)
        case .number:
            let norm = String(raw.text.filter { $0 != "," })
            return Token(kind: .number, span: span, text: raw.text, norm: norm, stem: norm, isCapitalised: false)
        case .symbol, .punctuation:
            let norm = raw.text == "\u{2019}" || raw.text == "\u{2018}" ? "'" : raw.text
            return Token(kind: raw.kind, span: span, text: raw.text, norm: norm, stem: norm, isCapitalised: false)
        }
    }

    private static let bulletMarkers: Set<String> = ["-", "*", "•", "–", "—", "+", "·", "▪", "◦"]

    /// Decides what a line is and drops Markdown markers (#, bullets, "1." list numbers).
    private static func classify(_ tokens: [Token]) -> Line {
        guard let first = tokens.first else { return Line(kind: .blank, tokens: []) }
        if first.text == "#" {
            let rest = Array(tokens.drop { $0.text == "#" })
            return Line(kind: rest.isEmpty ? .blank : .heading, tokens: rest)
        }
        if bulletMarkers.contains(first.text), tokens.count > 1, tokens[1].span.start > first.span.end {
            return Line(kind: .listItem, tokens: Array(tokens.dropFirst()))
        }
        if first.kind == .number, !first.text.contains("."), !first.text.contains(","), tokens.count > 2,
           tokens[1].text == "." || tokens[1].text == ")", tokens[2].span.start > tokens[1].span.end {
            return Line(kind: .listItem, tokens: Array(tokens.dropFirst(2)))
        }
        // Strip Markdown emphasis markers around a whole line before judging it a heading.
        let core = tokens.filter { $0.text != "*" && $0.text != "_" }
        guard let last = core.last else { return Line(kind: .blank, tokens: []) }
        let words = core.filter { $0.kind == .word }.count
        let endsOpen = ![".", "!", "?", ",", ";", ":", "…"].contains(last.text)
            && !(closers.contains(last.text) && core.count > 1 && terminators.contains(core[core.count - 2].text))
        let startsLikeTitle = core.first.map { $0.isCapitalised || $0.kind == .number } ?? false
        if endsOpen, startsLikeTitle, words >= 1, words <= 12 {
            return Line(kind: .heading, tokens: core)
        }
        return Line(kind: .text, tokens: tokens)
    }

    /// Splits a run of tokens into sentences at terminators that really end a sentence.
    private static func split(_ tokens: [Token], heading: Bool) -> [[Token]] {
        if heading { return [tokens] }
        var pieces: [[Token]] = []
        var start = 0
        var i = 0
        while i < tokens.count {
            let t = tokens[i]
            guard terminators.contains(t.text) else { i += 1; continue }
            // Consume a run of terminators and closing quotes/brackets: "…?”" ends together.
            var end = i + 1
            while end < tokens.count, terminators.contains(tokens[end].text) || closers.contains(tokens[end].text) {
                end += 1
            }
            if endsSentence(tokens, at: i, next: end) {
                pieces.append(Array(tokens[start..<end]))
                start = end
            }
            i = end
        }
        if start < tokens.count { pieces.append(Array(tokens[start...])) }
        return pieces
    }

    private static func endsSentence(_ tokens: [Token], at i: Int, next: Int) -> Bool {
        guard next < tokens.count else { return true }
        let following = tokens[next]
        if tokens[i].text == ".", i > 0 {
            let previous = tokens[i - 1]
            if previous.kind == .word, previous.span.end == tokens[i].span.start {
                let word = previous.norm
                // "Mr. Lister", "No. 4": never an end. "etc." ends only before a capital.
                if abbreviations.contains(word) && word != "etc" { return false }
                // An initial: "J. Smith".
                if previous.text.count == 1, previous.isCapitalised { return false }
            }
        }
        if following.span.start == tokens[next - 1].span.end, following.kind == .word { return false } // "x.y" in a name
        switch following.kind {
        case .word: return following.isCapitalised
        case .number, .symbol: return true
        case .punctuation: return !["," , ";", ":", ")"].contains(following.text)
        }
    }
}
