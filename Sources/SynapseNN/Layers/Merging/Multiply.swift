/// The elementwise product of its inputs, all of one shape: Keras's `Multiply` (e.g. a gate).
public final class Multiply: MergeLayer {
    /// The layer.
    public init(name: String = "multiply") { super.init(operation: .multiply, name: name) }
}
