/// Line starts of a UTF-8 buffer, to turn libxml2's line numbers into columns.
struct SourceLines {
    let bytes: [UInt8]
    private var starts: [Int] = [0]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        for (i, b) in bytes.enumerated() where b == 0x0A { starts.append(i + 1) }
    }

    /// The bytes of 1-based line `line`, without its newline.
    func line(_ line: Int) -> ArraySlice<UInt8> {
        guard line >= 1, line <= starts.count else { return [] }
        let start = starts[line - 1]
        var end = line < starts.count ? starts[line] - 1 : bytes.count
        if end > start, bytes[end - 1] == 0x0D { end -= 1 }
        return bytes[start..<end]
    }

    /// The 1-based column (in characters) of the first occurrence of `needle` on `line`
    /// at or after character column `after`; 1 when not found.
    func column(of needle: String, onLine line: Int, after: Int = 1) -> Int {
        let text = self.line(line)
        let target = Array(needle.utf8)
        guard !target.isEmpty, text.count >= target.count else { return 1 }
        var column = 1
        var index = text.startIndex
        while index <= text.endIndex - target.count {
            if column >= after, text[index..<(index + target.count)].elementsEqual(target) {
                return column
            }
            // Advance one character (skip UTF-8 continuation bytes).
            index += 1
            while index < text.endIndex, text[index] & 0xC0 == 0x80 { index += 1 }
            column += 1
        }
        return 1
    }
}
