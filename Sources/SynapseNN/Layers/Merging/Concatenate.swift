/// Its inputs joined along one axis, equal in every other: Keras's `Concatenate`.
///
/// ```swift
/// let joined = try Concatenate()([wide, deep])     // [batch, 8] and [batch, 24] → [batch, 32]
/// ```
public final class Concatenate: MergeLayer {
    /// The batch axis joined along (−1, the last, by default; negative counts from the end).
    public let axis: Int

    /// A layer joining its inputs along `axis`.
    public init(axis: Int = -1, name: String = "concatenate") {
        self.axis = axis
        super.init(operation: .concatenate(axis: axis), name: name)
    }
}
