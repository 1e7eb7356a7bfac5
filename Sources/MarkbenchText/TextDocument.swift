import MarkbenchDiagnostics

/// A sentence (or a heading, or a list item) with its tokens.
public struct Sentence: Sendable, Hashable {
    public var index: Int
    public var span: TextSpan
    /// Indices into `TextDocument.tokens`.
    public var tokens: Range<Int>
    public var paragraph: Int
    public var isHeading: Bool
    public var isListItem: Bool
}

/// A paragraph: a block of lines between blank lines, or a heading with the text under it.
public struct Paragraph: Sendable, Hashable {
    public var index: Int
    public var span: TextSpan
    /// Indices into `TextDocument.sentences`.
    public var sentences: Range<Int>
    /// The heading this paragraph starts with, if any.
    public var heading: Int?
}

/// An account segmented into paragraphs, sentences and tokens, each with its offsets.
public struct TextDocument: Sendable {
    /// The name users know the account by (usually its path).
    public var name: String
    /// The account's text (the file's bytes decoded as UTF-8, unchanged).
    public var text: String
    public var tokens: [Token]
    public var sentences: [Sentence]
    public var paragraphs: [Paragraph]
    /// Byte offset of the start of each line.
    public var lineStarts: [Int]
    private var utf8: [UInt8]

    /// Reads UTF-8 bytes (with or without a byte-order mark, LF or CRLF line ends).
    /// Throws for empty, binary or non-UTF-8 input, naming the byte offset.
    public static func read(_ bytes: [UInt8], name: String, normaliser: Normaliser) throws(DiagnosticError) -> TextDocument {
        if let problem = TextInput.problem(in: bytes) {
            throw DiagnosticError(TextInput.diagnostic(for: problem, file: name, expected: "an account (plain text or Markdown)"))
        }
        return TextDocument(text: String(decoding: bytes, as: UTF8.self), name: name, normaliser: normaliser)
    }

    /// Segments `text`.
    public init(text: String, name: String, normaliser: Normaliser) {
        self.name = name
        self.text = text
        utf8 = Array(text.utf8)
        let segmented = Segmenter.segment(text, normaliser: normaliser)
        tokens = segmented.tokens
        sentences = segmented.sentences
        paragraphs = segmented.paragraphs
        lineStarts = segmented.lineStarts
    }

    /// 1-based line and column (in characters) of byte `offset`.
    public func lineColumn(of offset: Int) -> (line: Int, column: Int) {
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        let start = lineStarts[lo]
        let prefix = utf8[start..<min(max(offset, start), utf8.count)]
        let column = prefix.reduce(0) { $0 + (($1 & 0xC0) == 0x80 ? 0 : 1) } + 1
        return (lo + 1, column)
    }

    /// The text of `span`.
    public func excerpt(_ span: TextSpan) -> String {
        let a = max(0, min(span.start, utf8.count)), b = max(a, min(span.end, utf8.count))
        return String(decoding: utf8[a..<b], as: UTF8.self)
    }

    /// The text of `span` with white space collapsed, shortened to about `limit` characters.
    public func quote(_ span: TextSpan, limit: Int = 160) -> String {
        let a = max(0, min(span.start, utf8.count)), b = max(a, min(span.end, utf8.count))
        var bytes: [UInt8] = []
        bytes.reserveCapacity(b - a)
        var characters = 0
        var pendingSpace = false
        var truncated = false
        var i = a
        while i < b {
            let byte = utf8[i]
            if byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 {
                pendingSpace = !bytes.isEmpty
                i += 1
                continue
            }
            if characters >= limit - 1 {
                truncated = true
                break
            }
            if pendingSpace {
                bytes.append(0x20)
                characters += 1
                pendingSpace = false
            }
            // Copy one whole UTF-8 scalar.
            let length = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
            bytes.append(contentsOf: utf8[i..<min(i + length, b)])
            characters += 1
            i += length
        }
        if truncated { bytes.append(contentsOf: Array("…".utf8)) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The number of sentences that are not headings.
    public var bodySentenceCount: Int { sentences.lazy.filter { !$0.isHeading }.count }

    /// Words in the account.
    public var wordCount: Int { tokens.lazy.filter { $0.kind == .word }.count }
}
