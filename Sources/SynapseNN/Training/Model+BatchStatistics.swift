import SynapseTensor

extension Model {
    /// Recomputes every `BatchNormalization` layer's moving mean and variance from `x`, as
    /// PyTorch's `torch.optim.swa_utils.update_bn`: the model runs forward in training mode over
    /// `x` in batches of `batchSize`, and each layer's moving statistics become the plain mean of
    /// the batches' statistics. Nothing is trained.
    ///
    /// Weights that did not produce the moving statistics need this: an averaged model
    /// (`WeightAverage.copy(to:)`, whose moving statistics are averages of statistics its own
    /// weights never produced), or a model whose weights were loaded or edited.
    ///
    /// ```swift
    /// try average.copy(to: sampler)
    /// try sampler.recomputeBatchStatistics(try Tensor.randomNormal([2048, 64], using: &random))
    /// ```
    ///
    /// Layers inside nested models are included; frozen layers (`isTrainable = false`, which
    /// use their moving statistics in training) keep theirs. Layers active only in training,
    /// such as `Dropout`, are active during the pass, as in PyTorch.
    ///
    /// - Throws: `ModelError.invalidArgument` for a batch size below 1 or an `x` without rows,
    ///   `ModelError.notReady` for a model that is not built, and the model's errors for an `x`
    ///   it cannot take. After an error every layer is back to its momentum.
    public func recomputeBatchStatistics(_ x: Tensor, batchSize: Int = 256) throws {
        guard batchSize >= 1 else {
            throw ModelError.invalidArgument(owner: "recomputeBatchStatistics", argument: "batchSize", expected: "at least 1", received: "\(batchSize)")
        }
        guard x.rank >= 1, x.shape[0] >= 1 else {
            throw ModelError.invalidArgument(owner: "recomputeBatchStatistics", argument: "x", expected: "at least one sample", received: "shape \(x.shape)")
        }
        guard builtInputShape != nil else {
            throw ModelError.notReady(model: name, reason: "build it (call it, fit it, or start it with Input) before recomputing its statistics")
        }
        let normalizations = batchNormalizationLayers.filter(\.isTrainable)
        for layer in normalizations { layer.batchesAveraged = 0 }
        defer { for layer in normalizations { layer.batchesAveraged = nil } }
        let rows = x.shape[0]
        try withoutGradients {
            for start in stride(from: 0, to: rows, by: batchSize) {
                _ = try forward(inputs: [try x[start..<Swift.min(start + batchSize, rows)]], training: true)
            }
        }
    }

    /// The `BatchNormalization` layers of this model and of the models nested in it.
    var batchNormalizationLayers: [BatchNormalization] {
        layers.flatMap { layer -> [BatchNormalization] in
            if let model = layer as? any Model { return model.batchNormalizationLayers }
            return (layer as? BatchNormalization).map { [$0] } ?? []
        }
    }
}
