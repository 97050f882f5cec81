/// Which axes `RandomFlip` may mirror an image along (Keras's `mode`).
public enum FlipMode: String, CaseIterable, Codable, Hashable, Sendable {
    /// Left–right: column `x` swaps with column `width − 1 − x`.
    case horizontal
    /// Top–bottom: row `y` swaps with row `height − 1 − y`.
    case vertical
    /// Either or both, each drawn on its own (Keras's default mode).
    case horizontalAndVertical

    /// Whether the mode may mirror left–right.
    public var includesHorizontal: Bool { self != .vertical }

    /// Whether the mode may mirror top–bottom.
    public var includesVertical: Bool { self != .horizontal }
}
