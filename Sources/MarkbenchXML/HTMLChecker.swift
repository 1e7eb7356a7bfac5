import CLibXML2
import MarkbenchDiagnostics

/// Checks generated HTML with libxml2's HTML parser: well-formed (no parser errors) and
/// self-contained (no scripts, no external stylesheets, images or frames, no links off the page).
public enum HTMLChecker {
    /// Problems in `html`, reported against `file`. Empty when the page is clean.
    public static func problems(in html: String, file: String = "report.html") -> [Diagnostic] {
        LibXML.initialise()
        let bytes = Array(html.utf8)
        let collector = XMLErrorCollector(file: file, lines: SourceLines(bytes))
        guard let ctxt = bytes.withUnsafeBufferPointer({ buf in
            buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buf.count) {
                htmlCreateMemoryParserCtxt($0, Int32(buf.count))
            }
        }) else {
            return [Diagnostic(code: "html.internal", at: SourceLocation(file: file, line: 1, column: 1), "libxml2 could not read the HTML")]
        }
        defer { htmlFreeParserCtxt(ctxt) }
        htmlCtxtUseOptions(ctxt, Int32(HTML_PARSE_NONET.rawValue))
        ctxt.pointee._private = Unmanaged.passUnretained(collector).toOpaque()
        ctxt.pointee.sax.pointee.serror = htmlErrorCallback
        // libxml2 only uses the structured handler when the SAX block says it is SAX2.
        ctxt.pointee.sax.pointee.initialized = XML_SAX2_MAGIC
        ctxt.pointee.sax.pointee.error = nil
        ctxt.pointee.sax.pointee.warning = nil
        htmlParseDocument(ctxt)
        // libxml2's HTML parser knows HTML 4 only: "Tag svg invalid" is about vocabulary (inline SVG and
        // other HTML5 elements), not well-formedness, so it is not a problem here.
        var out = collector.sorted().filter { !($0.message.hasPrefix("Tag ") && $0.message.hasSuffix(" invalid")) }.map { d -> Diagnostic in
            var d = d
            d.code = "html.malformed"
            return d
        }
        if let doc = ctxt.pointee.myDoc {
            defer { xmlFreeDoc(doc) }
            if let root = xmlDocGetRootElement(doc) { walk(root, file: file, into: &out) }
        }
        return out
    }

    private static let forbidden: Set<String> = ["script", "link", "iframe", "object", "embed", "frame"]

    private static func walk(_ node: xmlNodePtr, file: String, into out: inout [Diagnostic]) {
        var current: xmlNodePtr? = node
        while let n = current {
            if n.pointee.type == XML_ELEMENT_NODE {
                let name = String(cString: n.pointee.name)
                let line = Int(xmlGetLineNo(n))
                if forbidden.contains(name) {
                    out.append(Diagnostic(code: "html.not-self-contained", at: SourceLocation(file: file, line: line, column: 1),
                                          "<\(name)> makes the page depend on something outside it",
                                          hint: "inline the content; reports must open offline"))
                }
                var attr = n.pointee.properties
                while let a = attr {
                    let attrName = String(cString: a.pointee.name).lowercased()
                    if ["src", "href", "action", "data"].contains(attrName),
                       let raw = xmlNodeListGetString(n.pointee.doc, a.pointee.children, 1) {
                        let value = String(cString: raw).lowercased()
                        mb_xmlFree(raw)
                        if value.contains("://") || value.hasPrefix("//") {
                            out.append(Diagnostic(code: "html.not-self-contained", at: SourceLocation(file: file, line: line, column: 1),
                                                  "\(attrName)=\"\(value)\" points outside the page",
                                                  hint: "reports must open offline: inline the resource"))
                        }
                    }
                    attr = a.pointee.next
                }
                if let child = n.pointee.children { walk(child, file: file, into: &out) }
            }
            current = n.pointee.next
        }
    }
}

private let htmlErrorCallback: xmlStructuredErrorFunc = { userData, error in
    guard let userData, let error else { return }
    let ctxt = userData.assumingMemoryBound(to: xmlParserCtxt.self)
    guard let raw = ctxt.pointee._private else { return }
    Unmanaged<XMLErrorCollector>.fromOpaque(raw).takeUnretainedValue().record(error, isValidity: false)
}
