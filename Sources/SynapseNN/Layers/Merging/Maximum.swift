/// The elementwise maximum of its inputs, all of one shape: Keras's `Maximum`.
public final class Maximum: MergeLayer {
    /// The layer.
    public init(name: String = "maximum") { super.init(operation: .maximum, name: name) }
}
