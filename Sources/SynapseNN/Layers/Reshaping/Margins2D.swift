/// Rows and columns added or removed at each edge of an image: `ZeroPadding2D`'s padding and
/// `Cropping2D`'s cropping.
///
/// As Keras accepts `1`, `(1, 2)` or `((1, 2), (3, 4))`: an integer literal is the same at
/// every edge, `Margins2D(vertical:horizontal:)` is symmetric, and the full form gives each edge.
public struct Margins2D: Hashable, Sendable, Codable, CustomStringConvertible, ExpressibleByIntegerLiteral {
    /// Rows at the top.
    public var top: Int
    /// Rows at the bottom.
    public var bottom: Int
    /// Columns at the left.
    public var left: Int
    /// Columns at the right.
    public var right: Int

    /// Each edge given.
    public init(top: Int, bottom: Int, left: Int, right: Int) {
        (self.top, self.bottom, self.left, self.right) = (top, bottom, left, right)
    }

    /// `vertical` rows at the top and at the bottom, `horizontal` columns at each side.
    public init(vertical: Int, horizontal: Int) { self.init(top: vertical, bottom: vertical, left: horizontal, right: horizontal) }

    /// `amount` at every edge.
    public init(integerLiteral amount: Int) { self.init(vertical: amount, horizontal: amount) }

    /// Rows removed or added in all (top + bottom).
    public var rows: Int { top + bottom }
    /// Columns removed or added in all (left + right).
    public var columns: Int { left + right }

    /// `((top, bottom), (left, right))`, as Keras writes it.
    public var description: String { "((\(top), \(bottom)), (\(left), \(right)))" }

    /// Decodes `1` or `[[top, bottom], [left, right]]`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let amount = try? container.decode(Int.self) {
            self.init(integerLiteral: amount)
            return
        }
        let pairs = try container.decode([[Int]].self)
        guard pairs.count == 2, pairs.allSatisfy({ $0.count == 2 }) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected an integer or [[top, bottom], [left, right]], got \(pairs)")
        }
        self.init(top: pairs[0][0], bottom: pairs[0][1], left: pairs[1][0], right: pairs[1][1])
    }

    /// Encodes `[[top, bottom], [left, right]]`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode([[top, bottom], [left, right]])
    }
}
