/// The elementwise sum of its inputs, all of one shape: Keras's `Add`, the join of a residual block.
public final class Add: MergeLayer {
    /// The layer.
    public init(name: String = "add") { super.init(operation: .add, name: name) }
}
