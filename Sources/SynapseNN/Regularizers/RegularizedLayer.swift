import SynapseTensor

/// A layer whose weights or outputs carry penalties (`Dense` and the convolutions): Keras's
/// `kernel_regularizer`, `bias_regularizer` and `activity_regularizer`.
///
/// `Sequential` adds the weight penalties, and the activity penalties of its last training
/// forward pass, to the loss (`regularizationLoss()`), and `fit` reports them as
/// `regularization_loss` in the History.
public protocol RegularizedLayer: Layer {
    /// The penalty on the kernel.
    var kernelRegularizer: Regularizer? { get }
    /// The penalty on the bias.
    var biasRegularizer: Regularizer? { get }
    /// The penalty on the layer's output (summed over the batch, as Keras 3).
    var activityRegularizer: Regularizer? { get }
    /// The kernel, once built.
    var kernel: Parameter? { get }
    /// The bias, once built.
    var bias: Parameter? { get }
    /// The activity penalty of the layer's last forward pass in training (`nil` after one at
    /// inference, or without an activity regularizer): part of the loss being differentiated.
    var activityLoss: Tensor? { get }
}

extension RegularizedLayer {
    /// The kernel and bias penalties at the parameters' current values (`nil` without any).
    ///
    /// - Throws: `ModelError.invalidArgument` for an invalid regularizer factor.
    public func weightPenalty() throws -> Tensor? {
        var total: Tensor?
        if let kernelRegularizer, let kernel { total = try kernelRegularizer.penalty(of: kernel.value) }
        if let biasRegularizer, let bias {
            let penalty = try biasRegularizer.penalty(of: bias.value)
            total = try total.map { try $0 + penalty } ?? penalty
        }
        return total
    }
}

extension Dense: RegularizedLayer {}

extension ConvolutionalLayer: RegularizedLayer {}

extension Model {
    /// The regularizers' share of the loss: every layer's kernel and bias penalties at the
    /// parameters' current values, plus the activity penalties of the last forward pass in
    /// training; `nil` when no layer has a regularizer. `fit` adds it to the loss; a custom
    /// training loop adds it itself:
    ///
    /// ```swift
    /// let (loss, gradients) = try valueWithGradient(of: model.trainableParameters) {
    ///     let data = try lossFunction(y, model(x, training: true))
    ///     return try model.regularizationLoss().map { try data + $0 } ?? data
    /// }
    /// ```
    ///
    /// - Throws: `ModelError.invalidArgument` for an invalid regularizer factor.
    public func regularizationLoss() throws -> Tensor? {
        var total: Tensor?
        for case let layer as any RegularizedLayer in layers {
            for penalty in [try layer.weightPenalty(), layer.activityLoss].compactMap({ $0 }) {
                total = try total.map { try $0 + penalty } ?? penalty
            }
        }
        return total
    }
}
