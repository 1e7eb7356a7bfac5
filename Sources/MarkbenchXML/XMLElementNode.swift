/// An XML element read from a user's file, as a plain Sendable value with its position.
/// No libxml2 type escapes this module.
public struct XMLElementNode: Sendable, Hashable {
    public var name: String
    public var namespace: String?
    public var attributes: [XMLAttributeNode]
    public var children: [XMLChildNode]
    public var line: Int
    public var column: Int

    public init(name: String, namespace: String?, attributes: [XMLAttributeNode],
                children: [XMLChildNode], line: Int, column: Int) {
        self.name = name
        self.namespace = namespace
        self.attributes = attributes
        self.children = children
        self.line = line
        self.column = column
    }

    /// The value of the attribute named `name` (no namespace), if present.
    public func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    /// The attribute node named `name`, for its position.
    public func attributeNode(_ name: String) -> XMLAttributeNode? {
        attributes.first { $0.name == name }
    }

    /// Child elements, in document order.
    public var elements: [XMLElementNode] {
        children.compactMap { if case .element(let e) = $0 { e } else { nil } }
    }

    /// Child elements named `name`.
    public func elements(named name: String) -> [XMLElementNode] {
        elements.filter { $0.name == name }
    }

    /// The first child element named `name`.
    public func element(named name: String) -> XMLElementNode? {
        elements.first { $0.name == name }
    }

    /// All text content, concatenated in document order (including descendants').
    public var textContent: String {
        children.map {
            switch $0 {
            case .text(let t): t
            case .element(let e): e.textContent
            }
        }.joined()
    }

    /// Text content with runs of white space collapsed to one space and ends trimmed.
    public var normalisedText: String {
        textContent.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}

/// An attribute and where it was written.
public struct XMLAttributeNode: Sendable, Hashable {
    public var name: String
    public var value: String
    public var line: Int
    public var column: Int
}

/// A child of an element: another element or a run of text.
public enum XMLChildNode: Sendable, Hashable {
    case element(XMLElementNode)
    case text(String)
}
