/// The first of its two inputs minus the second: Keras's `Subtract`.
public final class Subtract: MergeLayer {
    /// The layer.
    public init(name: String = "subtract") { super.init(operation: .subtract, name: name) }
}
