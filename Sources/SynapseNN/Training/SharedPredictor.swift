import SynapseTensor

/// A trained model shared for inference by several threads or tasks at once.
///
/// Models and layers are classes with mutable state (weights, optimizer slots, generators),
/// so they are not `Sendable`: training is single-writer. Inference only reads: a built
/// model's forward pass at inference writes nothing, tensors are `Sendable` values, gradient
/// recording is task-local and the kernels' shared state is atomic. This wrapper hands out that
/// read-only side alone, so it can cross threads; the tests run it under ThreadSanitizer.
///
/// ```swift
/// let predictor = try SharedPredictor(model)          // after training
/// let answers = try await withThrowingTaskGroup(of: (Int, Tensor).self) { group in
///     for (index, batch) in batches.enumerated() { group.addTask { (index, try predictor.predict(batch)) } }
///     return try await group.reduce(into: [Int: Tensor]()) { $0[$1.0] = $1.1 }
/// }
/// ```
///
/// Do not train or change the model (`fit`, `setWeights`, `add`, `compile`) while it is shared.
public final class SharedPredictor: @unchecked Sendable {
    /// The model served.
    private let model: any Model

    /// Shares `model`, which must be built (building on first use would write).
    ///
    /// - Throws: `ModelError.notReady` for a model that is not built.
    public init(_ model: any Model) throws {
        guard model.builtInputShape != nil else {
            throw ModelError.notReady(model: model.name, reason: "build it (call it once, fit it, or start it with Input) before sharing it")
        }
        self.model = model
    }

    /// The model's predictions for `x`, in batches of `batchSize` (see `Model.predict`).
    ///
    /// - Throws: the errors of `predict`.
    public func predict(_ x: Tensor, batchSize: Int = 32) throws -> Tensor {
        try model.predict(x, batchSize: batchSize)
    }

    /// The outputs for one batch per input, of a model with several inputs or outputs.
    ///
    /// - Throws: the errors of `predict`.
    public func predict(_ x: [Tensor], batchSize: Int = 32) throws -> [Tensor] {
        try model.predict(x, batchSize: batchSize)
    }
}
