/// The elementwise mean of its inputs, all of one shape: Keras's `Average` (e.g. an ensemble).
public final class Average: MergeLayer {
    /// The layer.
    public init(name: String = "average") { super.init(operation: .average, name: name) }
}
