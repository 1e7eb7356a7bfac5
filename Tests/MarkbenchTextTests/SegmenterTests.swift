import MarkbenchDiagnostics
import MarkbenchText
import Testing

private func normaliser() throws -> Normaliser {
    try #require(Normaliser(spellings: ["organize": "organise", "analyze": "analyse", "behavior": "behaviour",
                                        "center": "centre", "organization": "organisation"]))
}

private func sentences(_ text: String) throws -> [String] {
    let doc = TextDocument(text: text, name: "t.txt", normaliser: try normaliser())
    return doc.sentences.map { doc.excerpt($0.span) }
}

@Suite("Sentence splitting")
struct SegmenterTests {
    @Test func abbreviationsDoNotEndSentences() throws {
        #expect(try sentences("I used cards, e.g. a three-question card. Mr Lister agreed. I spoke to Dr. Patel at No. 4 Mill Lane today.")
                == ["I used cards, e.g. a three-question card.", "Mr Lister agreed.", "I spoke to Dr. Patel at No. 4 Mill Lane today."])
    }

    @Test func numbersMoneyAndReferencesStayWhole() throws {
        #expect(try sentences("Sales rose 2.5% to £1,200. This covers AC 1.2 and (1.3). It took 12.5 hours.")
                == ["Sales rose 2.5% to £1,200.", "This covers AC 1.2 and (1.3).", "It took 12.5 hours."])
    }

    @Test func questionsAndQuotes() throws {
        #expect(try sentences("I asked “How long did you wait?” Most said ten minutes! Then I stopped.")
                == ["I asked “How long did you wait?”", "Most said ten minutes!", "Then I stopped."])
    }

    @Test func bulletListsAreSentences() throws {
        let text = "The themes were:\n- the queue at 7am\n- orders not ready\n* prices\n1. first item\n"
        #expect(try sentences(text) == ["The themes were:", "the queue at 7am", "orders not ready", "prices", "first item"])
    }

    @Test func headingsJoinTheTextUnderThem() throws {
        let text = "## Situation\n\nI work at a garden centre. It is busy.\n\nResults (AC 1.3)\nWaiting fell from 14 to 5 minutes.\n"
        let doc = TextDocument(text: text, name: "t.md", normaliser: try normaliser())
        #expect(doc.paragraphs.count == 2)
        #expect(doc.sentences.map(\.isHeading) == [true, false, false, true, false])
        #expect(doc.paragraphs.map(\.heading) == [0, 3])
        #expect(doc.excerpt(doc.sentences[0].span) == "Situation")
    }

    @Test func crlfBomAndNonBreakingSpaces() throws {
        let text = "\u{FEFF}I planned it.\r\nIt\u{00A0}worked.\r\n\r\nNext paragraph."
        let doc = TextDocument(text: text, name: "t.txt", normaliser: try normaliser())
        #expect(doc.sentences.map { doc.excerpt($0.span) } == ["I planned it.", "It\u{00A0}worked.", "Next paragraph."])
        #expect(doc.paragraphs.count == 2)
        let third = doc.sentences[2].span.start
        #expect(doc.lineColumn(of: third) == (4, 1))
        #expect(doc.lineColumn(of: doc.sentences[1].span.start) == (2, 1))
    }

    @Test func offsetsAreUTF8BytesIntoTheText() throws {
        let text = "Café staff — I organized the rota."
        let doc = TextDocument(text: text, name: "t.txt", normaliser: try normaliser())
        let organised = try #require(doc.tokens.first { $0.text == "organized" })
        #expect(Array(text.utf8)[organised.span.start..<organised.span.end].elementsEqual("organized".utf8))
        #expect(organised.norm == "organised")
        #expect(doc.lineColumn(of: organised.span.start).column == 16)
    }
}

@Suite("Normalisation")
struct NormalisationTests {
    @Test func usSpellingsAndInflections() throws {
        let n = try normaliser()
        #expect(n.normalise("organized").norm == "organised")
        #expect(n.normalise("Organizing").norm == "organising")
        #expect(n.normalise("organization").norm == "organisation")
        #expect(n.normalise("analyzed").norm == "analysed")
        #expect(n.normalise("behaviors").norm == "behaviours")
        #expect(n.normalise("center").norm == "centre")
        #expect(n.normalise("organized").stem == n.normalise("organised").stem)
        #expect(n.normalise("analyze").stem == n.normalise("analysing").stem)
    }

    @Test func inflectionsShareAStem() throws {
        let n = try normaliser()
        let stems = Set(["plan", "planned", "planning", "plans"].map { n.normalise($0).stem })
        #expect(stems.count == 1)
        #expect(n.normalise("monitored").stem == n.normalise("monitor").stem)
    }

    @Test func apostrophesAndContractions() throws {
        let doc = TextDocument(text: "The customer’s view: I’ve checked, we don't wait, I'd ask.", name: "t", normaliser: try normaliser())
        #expect(doc.tokens.filter { $0.kind == .word }.map(\.norm)
                == ["the", "customer", "view", "i", "have", "checked", "we", "do", "not", "wait", "i", "would", "ask"])
    }

    @Test func hyphenatedWordsSplit() throws {
        let doc = TextDocument(text: "A follow-up call.", name: "t", normaliser: try normaliser())
        #expect(doc.tokens.filter { $0.kind == .word }.map(\.norm) == ["a", "follow", "up", "call"])
    }
}

@Suite("Reading input")
struct ReadingTests {
    @Test func invalidUTF8NamesTheByteOffset() throws {
        let bytes = Array("Line one.\nCaf".utf8) + [0xE9] + Array(" here.".utf8)
        #expect(throws: DiagnosticError.self) { try TextDocument.read(bytes, name: "a.txt", normaliser: try normaliser()) }
        let n = try normaliser()
        do {
            _ = try TextDocument.read(bytes, name: "a.txt", normaliser: n)
        } catch let error as DiagnosticError {
            #expect(error.diagnostics.first?.code == "input.invalid-utf8")
            #expect(error.diagnostics.first?.message == "invalid UTF-8 at byte offset 13")
            #expect(error.diagnostics.first?.location == SourceLocation(file: "a.txt", line: 2, column: 4))
        }
    }

    @Test func binaryAndEmptyFilesAreRefused() throws {
        let n = try normaliser()
        for (bytes, code) in [([0x25, 0x50, 0x44, 0x46, 0x00, 0x01] as [UInt8], "input.binary"), ([], "input.empty")] {
            do {
                _ = try TextDocument.read(bytes, name: "x", normaliser: n)
                Issue.record("should have thrown for \(code)")
            } catch let error as DiagnosticError {
                #expect(error.diagnostics.first?.code == code)
            }
        }
    }
}
