/// A height and a width: a kernel size, strides, a dilation rate or a pooling window.
///
/// An integer literal means a square (`3` is 3×3) and an array literal lists height then
/// width (`[1, 5]`), as Keras accepts `3` or `(1, 5)`.
///
/// ```swift
/// let conv = Conv2D(32, kernelSize: 3, strides: [2, 1])
/// ```
public struct Size2D: Hashable, Sendable, Codable, CustomStringConvertible {
    /// Along the height (rows).
    public var height: Int
    /// Along the width (columns).
    public var width: Int

    /// `height` × `width`.
    public init(_ height: Int, _ width: Int) {
        self.height = height
        self.width = width
    }

    /// `side` × `side`.
    public init(square side: Int) { self.init(side, side) }

    /// `[height, width]`.
    public var dimensions: [Int] { [height, width] }

    /// `3x3`.
    public var description: String { "\(height)x\(width)" }

    /// Decodes `3` (a square) or `[3, 5]`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let side = try? container.decode(Int.self) {
            self.init(square: side)
            return
        }
        let pair = try container.decode([Int].self)
        guard pair.count == 2 else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "expected an integer or [height, width], got \(pair.count) numbers \(pair)")
        }
        self.init(pair[0], pair[1])
    }

    /// Encodes `[height, width]`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(dimensions)
    }
}

extension Size2D: ExpressibleByIntegerLiteral {
    /// A square: `3` is 3×3.
    public init(integerLiteral side: Int) { self.init(square: side) }
}

extension Size2D: ExpressibleByArrayLiteral {
    /// `[height, width]`; any other count of elements traps, as a literal is a programming error.
    public init(arrayLiteral elements: Int...) {
        precondition(elements.count == 2, "Size2D: an array literal needs [height, width], got \(elements)")
        self.init(elements[0], elements[1])
    }
}
