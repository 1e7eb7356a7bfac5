/// A stretch of the source text, as UTF-8 byte offsets (`start` inclusive, `end` exclusive).
public struct TextSpan: Sendable, Hashable, Codable, Comparable {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    public static func < (a: TextSpan, b: TextSpan) -> Bool { (a.start, a.end) < (b.start, b.end) }

    /// The smallest span covering both.
    public func union(_ other: TextSpan) -> TextSpan {
        TextSpan(start: min(start, other.start), end: max(end, other.end))
    }

    public func overlaps(_ other: TextSpan) -> Bool { start < other.end && other.start < end }
}

/// What a token is.
public enum TokenKind: Sendable, Hashable {
    /// Letters (possibly with internal apostrophes), or an abbreviation such as "e.g.".
    case word
    /// Digits, possibly with internal "," or "." ("1,200", "12.5", "1.2").
    case number
    /// A currency or percent sign: £ $ € %.
    case symbol
    /// Anything else that is not white space.
    case punctuation
}

/// A token of an account with its position and normalised forms.
public struct Token: Sendable, Hashable {
    public var kind: TokenKind
    public var span: TextSpan
    /// As written ("Organized", "n't").
    public var text: String
    /// Lower case, apostrophes removed, US spelling mapped to UK, contractions expanded
    /// ("organised", "not").
    public var norm: String
    /// Snowball stem of `norm` ("organis").
    public var stem: String
    /// Starts with an upper-case letter.
    public var isCapitalised: Bool

    public init(kind: TokenKind, span: TextSpan, text: String, norm: String, stem: String, isCapitalised: Bool) {
        self.kind = kind
        self.span = span
        self.text = text
        self.norm = norm
        self.stem = stem
        self.isCapitalised = isCapitalised
    }

    public var isWordLike: Bool { kind == .word || kind == .number }
}
