import SynapseTensor

/// The range an augmentation layer draws a random factor from, uniformly (Keras's
/// `factor`, `height_factor`, `width_factor`): a single value `f` stands for `[−|f|, |f|]`,
/// two values for the range between them.
///
/// ```swift
/// RandomRotation(factor: 0.1)                          // [−0.1, 0.1] of a full turn
/// RandomTranslation(heightFactor: FactorRange(-0.2...0.3), widthFactor: 0)
/// ```
public struct FactorRange: Hashable, Codable, Sendable, CustomStringConvertible, ExpressibleByFloatLiteral, ExpressibleByIntegerLiteral {
    /// The smallest value drawn.
    public let lower: Float
    /// The largest value drawn.
    public let upper: Float

    /// The symmetric range `[−|factor|, |factor|]`.
    public init(_ factor: Float) {
        (lower, upper) = (-Swift.abs(factor), Swift.abs(factor))
    }

    /// The range between `first` and `second`, in either order (Keras sorts the pair).
    public init(_ first: Float, _ second: Float) {
        (lower, upper) = second < first ? (second, first) : (first, second)
    }

    /// The range `range`.
    public init(_ range: ClosedRange<Float>) {
        (lower, upper) = (range.lowerBound, range.upperBound)
    }

    /// The symmetric range `[−|value|, |value|]`, from a literal.
    public init(floatLiteral value: Float) { self.init(value) }

    /// The symmetric range `[−|value|, |value|]`, from a literal.
    public init(integerLiteral value: Int) { self.init(Float(value)) }

    /// Whether both ends lie in `bounds`, in order (false when either is NaN, or for a decoded
    /// range whose ends are swapped).
    func lies(within bounds: ClosedRange<Float>) -> Bool {
        bounds.contains(lower) && bounds.contains(upper) && lower <= upper
    }

    /// A value drawn uniformly from the range; call only once `lies(within:)` has held for
    /// finite bounds.
    func draw(using generator: inout RandomGenerator) -> Float {
        Float.random(in: lower...upper, using: &generator)
    }

    /// The range as `[lower, upper]`.
    public var description: String { "[\(lower), \(upper)]" }
}
