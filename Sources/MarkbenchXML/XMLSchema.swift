import CLibXML2
import MarkbenchDiagnostics

/// A compiled, self-contained XSD. Compile once, validate many documents, from any task:
/// libxml2 only reads a compiled schema while validating, and each validation has its own context.
public final class XMLSchema: @unchecked Sendable {
    private let schema: xmlSchemaPtr

    /// Compiles the XSD in `bytes` (from `file`, for messages). The XSD must not import or
    /// include other files: external loads are refused.
    public init(xsd bytes: [UInt8], file: String) throws(DiagnosticError) {
        LibXML.initialise()
        let collector = XMLErrorCollector(file: file, lines: SourceLines(bytes))
        let parser = bytes.withUnsafeBufferPointer { buf in
            buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buf.count) {
                xmlSchemaNewMemParserCtxt($0, Int32(buf.count))
            }
        }
        guard let parser else {
            throw DiagnosticError(Diagnostic(code: "schema.internal", at: SourceLocation(file: file, line: 1, column: 1),
                                             "libxml2 could not read the schema"))
        }
        defer { xmlSchemaFreeParserCtxt(parser) }
        xmlSchemaSetParserStructuredErrors(parser, xmlValidityErrorCallback,
                                           Unmanaged.passUnretained(collector).toOpaque())
        guard let compiled = xmlSchemaParse(parser), collector.diagnostics.isEmpty else {
            var diagnostics = collector.sorted()
            if diagnostics.isEmpty {
                diagnostics = [Diagnostic(code: "schema.broken", at: SourceLocation(file: file, line: 1, column: 1),
                                          "the schema could not be compiled")]
            }
            throw DiagnosticError(diagnostics)
        }
        schema = compiled
    }

    deinit { xmlSchemaFree(schema) }

    func validate(_ doc: xmlDocPtr, collector: XMLErrorCollector) {
        guard let ctxt = xmlSchemaNewValidCtxt(schema) else {
            collector.add(code: "schema.internal", line: 1, column: 1, message: "libxml2 could not start validation")
            return
        }
        defer { xmlSchemaFreeValidCtxt(ctxt) }
        xmlSchemaSetValidStructuredErrors(ctxt, xmlValidityErrorCallback, Unmanaged.passUnretained(collector).toOpaque())
        let result = xmlSchemaValidateDoc(ctxt, doc)
        if result != 0, collector.diagnostics.isEmpty {
            collector.add(code: "schema.invalid", line: 1, column: 1, message: "the document does not match the schema")
        }
    }
}
