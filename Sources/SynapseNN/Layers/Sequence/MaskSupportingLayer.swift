import SynapseTensor

/// A layer that takes part in masking padded time steps (Keras's `supports_masking` and
/// `compute_mask`): it reads the mask of its input and says what mask its output has.
///
/// Masks are `[batch, steps]` tensors of 1 (a real step) and 0 (padding). `Embedding(maskZero:
/// true)` and `Masking` create one; recurrent layers skip the masked steps; `TimeDistributed` and
/// recurrent layers returning sequences pass it on. Models carry the mask from layer to layer; a
/// layer that does not conform ends it, as its output no longer has the steps it marks.
///
/// ```swift
/// let model = Sequential {
///     Input(shape: [20])
///     Embedding(inputDimension: 1000, outputDimension: 16, maskZero: true)   // token 0 is padding
///     LSTM(32)                                                              // skips the padding
///     Dense(1, activation: .sigmoid)
/// }
/// ```
public protocol MaskSupportingLayer: Layer {
    /// The output for a batch whose steps `mask` marks (`nil`: every step is real).
    func forward(_ input: Tensor, mask: Tensor?, training: Bool) throws -> Tensor
    /// The mask of the output for `input` with `mask`, or `nil` when the output has none.
    func outputMask(forInput input: Tensor, mask: Tensor?) throws -> Tensor?
}

extension Layer {
    /// The layer's output for `input`, and its mask: a `MaskSupportingLayer` reads and passes on
    /// `mask`; any other layer ignores it and its output has none.
    public func forward(_ input: Tensor, carrying mask: Tensor?, training: Bool) throws -> (output: Tensor, mask: Tensor?) {
        guard let masking = self as? any MaskSupportingLayer else { return (try forward(input, training: training), nil) }
        let outputMask = try masking.outputMask(forInput: input, mask: mask)
        return (try masking.forward(input, mask: mask, training: training), outputMask)
    }
}
