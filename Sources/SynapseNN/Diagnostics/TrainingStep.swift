import SynapseTensor

/// One training step of `fit`, as a `TrainingStepObserver` sees it: after the gradients are
/// taken and before the optimizer applies them.
public struct TrainingStep {
    /// The batch's index within the epoch, counted from 0.
    public let batch: Int
    /// The batch's inputs, one array per model input.
    public let inputs: [Tensor]
    /// The model's outputs for the batch (training mode, detached), one per model output.
    public let predictions: [Tensor]
    /// The batch's loss, regularization included.
    public let loss: Float
    /// The parameters being trained, in the order of `gradients`.
    public let parameters: [Parameter]
    /// The gradient of the loss with respect to each parameter.
    public let gradients: [Tensor]
}

/// A callback that also sees every training step's batch, outputs and gradients, e.g.
/// `TrainingDiagnostics`. `fit` calls it before the optimizer changes the weights.
public protocol TrainingStepObserver: Callback {
    /// Called for each batch once its gradients are known.
    func stepDidCompute(_ step: TrainingStep, context: TrainingContext) throws
}
