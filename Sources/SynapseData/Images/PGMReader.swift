import Foundation
import SynapseTensor

/// Netpbm grey images (`.pgm`, binary `P5` or text `P2`, 8- or 16-bit), as a `[height, width]`
/// tensor of values scaled to [0, 1] by the file's maximum value.
public enum PGMReader {
    /// The image in `url`.
    ///
    /// - Throws: `DataError.unreadable` for a missing or unreadable file, or one over 1 GiB
    ///   (as PNG); `DataError.malformed` naming the byte offset for a bad magic number, header or
    ///   pixel count.
    public static func read(contentsOf url: URL) throws -> Tensor {
        let file = try DataFile(contentsOf: url, maximumSize: 1 << 30)
        return try parse(Data(file.bytes), path: url.path)
    }

    /// The image in `data` (named `path` in errors).
    public static func parse(_ data: Data, path: String) throws -> Tensor {
        let bytes = [UInt8](data)
        var position = 0
        /// The next whitespace-separated header token, skipping `#` comments.
        func token() throws -> String {
            while position < bytes.count {
                if bytes[position] == UInt8(ascii: "#") {
                    while position < bytes.count && bytes[position] != 0x0A { position += 1 }
                } else if [0x20, 0x09, 0x0A, 0x0D].contains(bytes[position]) {
                    position += 1
                } else { break }
            }
            let start = position
            while position < bytes.count && ![0x20, 0x09, 0x0A, 0x0D].contains(bytes[position]) { position += 1 }
            guard position > start else { throw DataError.malformed(path: path, location: "byte \(start)", expected: "a header field", found: "the end of the file") }
            return String(decoding: bytes[start..<position], as: UTF8.self)
        }
        func number(_ what: String, in range: ClosedRange<Int>) throws -> Int {
            let start = position
            let text = try token()
            guard let value = Int(text), range.contains(value) else {
                throw DataError.malformed(path: path, location: "byte \(start)", expected: "\(what) in \(range)", found: "'\(text)'")
            }
            return value
        }
        let magic = try token()
        guard magic == "P5" || magic == "P2" else {
            throw DataError.malformed(path: path, location: "byte 0", expected: "the magic number P5 or P2 of a PGM image", found: "'\(magic.prefix(8))'")
        }
        let width = try number("a width", in: 1...65_536), height = try number("a height", in: 1...65_536)
        let maximum = try number("a maximum value", in: 1...65_535)
        let count = width * height
        // The pixels must be there before anything is allocated for them: a header may claim
        // 65,536 × 65,536 pixels in a few bytes (found by the fuzzer). Each takes at least one
        // byte (P5) or one digit and a separator (P2).
        let size = magic == "P5" ? (maximum > 255 ? 2 : 1) : 2
        if magic == "P5" { position += 1 }   // the single whitespace byte after the header
        guard bytes.count - position >= count * size - (magic == "P5" ? 0 : 1) else {
            throw DataError.malformed(path: path, location: "byte \(position)",
                                      expected: "\(magic == "P5" ? "" : "at least ")\(count * size - (magic == "P5" ? 0 : 1)) bytes of pixels for \(width)×\(height)",
                                      found: "\(bytes.count - position)")
        }
        var pixels = [Float]()
        pixels.reserveCapacity(count)
        if magic == "P5" {
            for index in 0..<count {
                let at = position + index * size
                let value = size == 2 ? Int(bytes[at]) << 8 | Int(bytes[at + 1]) : Int(bytes[at])
                pixels.append(Float(min(value, maximum)) / Float(maximum))
            }
        } else {
            for _ in 0..<count { pixels.append(Float(try number("a pixel value", in: 0...maximum)) / Float(maximum)) }
        }
        return try Tensor(shape: [height, width], scalars: pixels)
    }
}
