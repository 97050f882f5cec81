import SynapseTensor

/// Inverted dropout, as Keras's `Dropout`: in training, each element is set to 0 with
/// probability `rate` and the others are scaled by `1 / (1 − rate)`, so the expected output
/// equals the input; otherwise the input passes unchanged.
///
/// ```swift
/// Dense(64, activation: .relu); Dropout(0.3)
/// ```
public final class Dropout: DropoutLayer {
    /// A dropout layer; the rate is checked when the layer is built.
    public init(_ rate: Float, name: String = "dropout") {
        super.init(rate: rate, kind: "Dropout", name: name)
    }
}
