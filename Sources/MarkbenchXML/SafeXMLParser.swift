import CLibXML2
import Foundation
import MarkbenchDiagnostics

/// Limits applied to every XML file a user gives us.
public struct XMLLimits: Sendable {
    /// Largest file accepted, in bytes.
    public var maxBytes: Int
    /// Deepest element nesting accepted.
    public var maxDepth: Int

    public init(maxBytes: Int = 8 * 1024 * 1024, maxDepth: Int = 64) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
    }

    public static let rubric = XMLLimits()
}

/// Parses XML from people we do not trust: no network, no external entities, any DOCTYPE
/// refused, size and depth limited. Every problem comes back as a `Diagnostic` with
/// file, line and column.
public enum SafeXMLParser {
    /// Parses `bytes` (the contents of `file`) and returns the root element.
    /// When `schema` is given the document is also validated against it and every
    /// validity problem is reported, not just the first.
    public static func parse(_ bytes: [UInt8], file: String, limits: XMLLimits = .rubric,
                             schema: XMLSchema? = nil) throws(DiagnosticError) -> XMLElementNode {
        LibXML.initialise()
        let start = SourceLocation(file: file, line: 1, column: 1)
        if bytes.count > limits.maxBytes {
            throw DiagnosticError(Diagnostic(
                code: "input.too-large", at: start,
                "the file is \(megabytes(bytes.count)) MB; XML files are limited to \(megabytes(limits.maxBytes)) MB",
                hint: "check that this is the right file; a rubric is normally well under 1 MB"))
        }
        if let problem = TextInput.problem(in: bytes) {
            throw DiagnosticError(TextInput.diagnostic(for: problem, file: file, expected: "XML"))
        }
        let lines = SourceLines(bytes)
        let collector = XMLErrorCollector(file: file, lines: lines)
        guard let ctxt = bytes.withUnsafeBufferPointer({ buf in
            buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buf.count) {
                xmlCreateMemoryParserCtxt($0, Int32(buf.count))
            }
        }) else {
            throw DiagnosticError(Diagnostic(code: "xml.internal", at: start, "libxml2 could not create a parser"))
        }
        defer { xmlFreeParserCtxt(ctxt) }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue | XML_PARSE_NOCDATA.rawValue)
        xmlCtxtUseOptions(ctxt, options)
        ctxt.pointee._private = Unmanaged.passUnretained(collector).toOpaque()
        ctxt.pointee.sax.pointee.serror = xmlParserErrorCallback
        ctxt.pointee.sax.pointee.internalSubset = xmlRefuseDoctypeCallback
        // Quiet the unstructured channels: everything arrives through serror.
        ctxt.pointee.sax.pointee.error = nil
        ctxt.pointee.sax.pointee.warning = nil

        xmlParseDocument(ctxt)
        let doc = ctxt.pointee.myDoc
        defer { if let doc { xmlFreeDoc(doc) } }

        if !collector.diagnostics.isEmpty || ctxt.pointee.wellFormed == 0 {
            if collector.diagnostics.isEmpty {
                collector.add(code: "xml.malformed", line: 1, column: 1, message: "the file is not well-formed XML")
            }
            throw DiagnosticError(collector.sorted())
        }
        guard let doc, let root = xmlDocGetRootElement(doc) else {
            throw DiagnosticError(Diagnostic(code: "xml.no-root", at: start, "the file has no root element",
                                             hint: "a rubric starts with <rubric xmlns=\"urn:markbench:rubric:1\">"))
        }
        if doc.pointee.intSubset != nil {
            throw DiagnosticError(Diagnostic(code: "xml.doctype", at: start, "a DOCTYPE is not allowed",
                                             hint: "remove the <!DOCTYPE …> declaration"))
        }
        if let encoding = doc.pointee.encoding.map({ String(cString: $0) }),
           encoding.uppercased() != "UTF-8", encoding.uppercased() != "UTF8" {
            throw DiagnosticError(Diagnostic(code: "xml.encoding", at: start,
                                             "the XML declaration names encoding \"\(encoding)\"; Markbench reads UTF-8 only",
                                             hint: "save the file as UTF-8 and write encoding=\"UTF-8\""))
        }

        let tree = try convert(root, depth: 1, limits: limits, lines: lines, file: file)

        if let schema {
            schema.validate(doc, collector: collector)
            if !collector.diagnostics.isEmpty { throw DiagnosticError(collector.sorted()) }
        }
        return tree
    }

    private static func megabytes(_ n: Int) -> String {
        let mb = Double(n) / 1_048_576
        return mb >= 10 ? String(Int(mb.rounded())) : String(Double(Int(mb * 10)) / 10)
    }

    // MARK: - Converting libxml2's tree into Swift values

    private static func convert(_ node: xmlNodePtr, depth: Int, limits: XMLLimits, lines: SourceLines,
                                file: String) throws(DiagnosticError) -> XMLElementNode {
        let name = String(cString: node.pointee.name)
        let line = Int(xmlGetLineNo(node))
        let qname: String = {
            if let prefix = node.pointee.ns?.pointee.prefix { return String(cString: prefix) + ":" + name }
            return name
        }()
        let column = lines.column(of: "<" + qname, onLine: line)
        if depth > limits.maxDepth {
            throw DiagnosticError(Diagnostic(code: "xml.too-deep", at: SourceLocation(file: file, line: line, column: column),
                                             "elements are nested more than \(limits.maxDepth) deep",
                                             hint: "a rubric needs only a few levels; check for runaway nesting"))
        }
        var attributes: [XMLAttributeNode] = []
        var attr = node.pointee.properties
        while let a = attr {
            let attrName = String(cString: a.pointee.name)
            var value = ""
            if let raw = xmlNodeListGetString(node.pointee.doc, a.pointee.children, 1) {
                value = String(cString: raw)
                mb_xmlFree(raw)
            }
            let attrColumn = lines.column(of: attrName + "=", onLine: line, after: column)
            attributes.append(XMLAttributeNode(name: attrName, value: value, line: line, column: attrColumn))
            attr = a.pointee.next
        }
        var children: [XMLChildNode] = []
        var child = node.pointee.children
        while let c = child {
            switch c.pointee.type {
            case XML_ELEMENT_NODE:
                children.append(.element(try convert(c, depth: depth + 1, limits: limits, lines: lines, file: file)))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = c.pointee.content { children.append(.text(String(cString: content))) }
            default:
                break
            }
            child = c.pointee.next
        }
        let namespace = node.pointee.ns?.pointee.href.map { String(cString: $0) }
        return XMLElementNode(name: name, namespace: namespace, attributes: attributes, children: children,
                              line: line, column: column)
    }
}

// MARK: - libxml2 set-up

enum LibXML {
    private static let once: Void = {
        xmlInitParser()
        mb_installDenyAllEntityLoader()
    }()

    /// Initialises libxml2 once per process and installs the deny-all entity loader.
    static func initialise() { _ = once }
}

/// Collects libxml2 errors for one parse; reached from C callbacks through `_private`.
final class XMLErrorCollector {
    let file: String
    let lines: SourceLines
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String, lines: SourceLines) {
        self.file = file
        self.lines = lines
    }

    func add(code: String, line: Int, column: Int, message: String, hint: String? = nil) {
        let d = Diagnostic(code: code, at: SourceLocation(file: file, line: max(line, 1), column: max(column, 1)),
                           message, hint: hint)
        if !diagnostics.contains(d) { diagnostics.append(d) }
    }

    func sorted() -> [Diagnostic] { diagnostics.sorted { $0.location < $1.location } }

    /// Records a libxml2 error, rewording the ones users meet most.
    func record(_ error: UnsafePointer<xmlError>, isValidity: Bool) {
        let e = error.pointee
        guard e.level != XML_ERR_WARNING else { return }
        var message = e.message.map { String(cString: $0) } ?? "unknown XML error"
        message = message.trimmingCharacters(in: .whitespacesAndNewlines)
        var line = Int(e.line)
        var column = Int(e.int2)
        var hint: String?
        var code = isValidity ? "schema.invalid" : "xml.malformed"
        if let node = e.node?.assumingMemoryBound(to: xmlNode.self), isValidity {
            line = Int(xmlGetLineNo(node))
            if node.pointee.type == XML_ELEMENT_NODE {
                column = lines.column(of: "<", onLine: line)
                let name = String(cString: node.pointee.name)
                let elementColumn = lines.column(of: name, onLine: line)
                column = max(elementColumn - 1, 1)
                if let attrName = Self.quotedAttribute(in: message) {
                    column = lines.column(of: attrName + "=", onLine: line, after: column)
                }
            }
        }
        if message.contains("Detected an entity reference loop") || message.contains("entity reference loop") {
            code = "xml.entity-loop"
            hint = "remove the entity declarations; rubrics need no entities"
        } else if message.contains("Excessive depth") {
            code = "xml.too-deep"
            message = "elements are nested too deeply"
            hint = "a rubric needs only a few levels; check for runaway nesting"
        } else if isValidity {
            hint = Self.schemaHint(for: message)
            message = Self.readableSchemaMessage(message)
        } else {
            hint = "fix the XML so it is well-formed (every tag closed, attributes quoted, & written &amp;)"
        }
        if line == 0 { line = 1; column = 1 }
        add(code: code, line: line, column: column, message: message, hint: hint)
    }

    /// libxml2 writes `Element '{urn:…}rule', attribute 'scope': [facet 'enumeration'] The value …`;
    /// say `element <rule>, attribute 'scope': the value …` instead.
    static func readableSchemaMessage(_ raw: String) -> String {
        var text = raw
        while let open = text.range(of: "'{"), let close = text[open.upperBound...].range(of: "}") {
            let nameEnd = text[close.upperBound...].firstIndex(of: "'") ?? text.endIndex
            let name = text[close.upperBound..<nameEnd]
            let after = nameEnd < text.endIndex ? text.index(after: nameEnd) : nameEnd
            text.replaceSubrange(open.lowerBound..<after, with: "<\(name)>")
        }
        // Unquoted qualified names, as in "Expected is ( {urn:…}qualification )".
        if let regex = try? NSRegularExpression(pattern: "\\{[^}'\\s]*:[^}'\\s]*\\}([A-Za-z_][A-Za-z0-9_.-]*)") {
            text = regex.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: "<$1>")
        }
        for facet in ["enumeration", "pattern", "minLength", "maxLength", "maxInclusive", "minInclusive"] {
            text = text.replacingOccurrences(of: "[facet '\(facet)'] ", with: "")
        }
        text = text.replacingOccurrences(of: "Element <", with: "element <")
        text = text.replacingOccurrences(of: ": The value", with: ": the value")
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    private static func quotedAttribute(in message: String) -> String? {
        guard let range = message.range(of: "attribute '") else { return nil }
        let rest = message[range.upperBound...]
        guard let end = rest.firstIndex(of: "'") else { return nil }
        return String(rest[..<end])
    }

    private static func schemaHint(for message: String) -> String {
        if message.contains("No matching global declaration") {
            return "the root must be <rubric> or <lexicon> in namespace urn:markbench:rubric:1"
        }
        if message.contains("is not a valid value") || message.contains("not an element of the set") {
            return "use one of the values docs/rubric-format.md lists for this attribute"
        }
        if message.contains("Missing child element") || message.contains("is required but missing") {
            return "add what is missing; docs/rubric-format.md shows a complete example"
        }
        if message.contains("This element is not expected") {
            return "check the element's name, namespace and order against docs/rubric-format.md"
        }
        return "see docs/rubric-format.md for what this element allows"
    }
}

// MARK: - C callbacks (no captures)

private let xmlParserErrorCallback: xmlStructuredErrorFunc = { userData, error in
    guard let userData, let error else { return }
    let ctxt = userData.assumingMemoryBound(to: xmlParserCtxt.self)
    guard let raw = ctxt.pointee._private else { return }
    let collector = Unmanaged<XMLErrorCollector>.fromOpaque(raw).takeUnretainedValue()
    collector.record(error, isValidity: false)
}

private let xmlRefuseDoctypeCallback: internalSubsetSAXFunc = { userData, _, _, _ in
    guard let userData else { return }
    let ctxt = userData.assumingMemoryBound(to: xmlParserCtxt.self)
    if let raw = ctxt.pointee._private {
        let collector = Unmanaged<XMLErrorCollector>.fromOpaque(raw).takeUnretainedValue()
        let line = Int(ctxt.pointee.input?.pointee.line ?? 1)
        collector.add(code: "xml.doctype", line: line, column: collector.lines.column(of: "<!DOCTYPE", onLine: line),
                      message: "a DOCTYPE is not allowed (it can declare entities that read files or expand without limit)",
                      hint: "remove the <!DOCTYPE …> declaration; Markbench files never need one")
    }
    xmlStopParser(ctxt)
}

let xmlValidityErrorCallback: xmlStructuredErrorFunc = { userData, error in
    guard let userData, let error else { return }
    let collector = Unmanaged<XMLErrorCollector>.fromOpaque(userData).takeUnretainedValue()
    collector.record(error, isValidity: true)
}
