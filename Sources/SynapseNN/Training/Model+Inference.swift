import SynapseTensor

extension Model {
    /// The model's outputs for every row of `x`, computed `batchSize` rows at a time, without
    /// training-only behaviour and without recording anything for differentiation.
    ///
    /// - Throws: `ModelError.invalidInput` when the rows do not fit the model;
    ///   `ModelError.invalidArgument` for a batch size below 1 or no rows (as Keras, which
    ///   refuses an empty batch).
    public func predict(_ x: Tensor, batchSize: Int = 32) throws -> Tensor {
        guard batchSize >= 1 else {
            throw ModelError.invalidArgument(owner: "predict", argument: "batchSize", expected: "at least 1", received: "\(batchSize)")
        }
        guard x.rank >= 1 else {
            throw ModelError.invalidArgument(owner: "predict", argument: "x", expected: "a batch with samples along the first axis", received: "a scalar")
        }
        guard x.shape[0] >= 1 else {
            throw ModelError.invalidArgument(owner: "predict", argument: "x", expected: "at least one sample", received: "shape \(x.shape)")
        }
        return try withoutGradients {
            if x.shape[0] <= batchSize { return try forward(x, training: false) }
            let batches = Batches(count: x.shape[0], batchSize: batchSize)
            let outputs = try (0..<batches.batchCount).map { batch in
                try forward(try Batches.take(batches.rows(ofBatch: batch, in: nil), from: x), training: false)
            }
            return try Tensor.concatenating(outputs, alongAxis: 0)
        }
    }

    /// The model's outputs for one batch: Keras's `predict_on_batch`.
    ///
    /// - Throws: `ModelError.invalidInput` when the rows do not fit the model.
    public func predictOnBatch(_ x: Tensor) throws -> Tensor {
        try withoutGradients { try forward(x, training: false) }
    }

    /// The compiled loss and metrics over `x` and `y`, `batchSize` rows at a time: Keras's
    /// `evaluate`.
    ///
    /// - Returns: the loss (as `.loss`) and every metric, by key.
    /// - Throws: `ModelError` for an uncompiled model, mismatched rows, or labels that do not
    ///   fit the loss.
    public func evaluate(_ x: Tensor, _ y: Tensor, batchSize: Int = 32) throws -> [MetricKey: Float] {
        try evaluate([x], [y], batchSize: batchSize)
    }

    /// The compiled losses and metrics of a model of several inputs or outputs: one array per
    /// input in `x`, one label array per output in `y`.
    ///
    /// - Returns: the total `loss`, with several outputs each one's `<output>_loss`, and every
    ///   metric, by key.
    /// - Throws: as `evaluate(_:_:batchSize:)`, and for another number of arrays than the
    ///   model has inputs or outputs.
    public func evaluate(_ x: [Tensor], _ y: [Tensor], batchSize: Int = 32) throws -> [MetricKey: Float] {
        let setup = try requireSetup(for: "evaluate")
        try FitArguments.validate(x: x, y: y, outputs: setup.objectives.count, epochs: 1, batchSize: batchSize, owner: "evaluate")
        for metric in setup.metrics { metric.reset() }
        var losses = EpochLosses(outputs: setup.objectives.count)
        let batches = Batches(count: x[0].shape[0], batchSize: batchSize)
        try withoutGradients {
            for batch in 0..<batches.batchCount {
                let rows = batches.rows(ofBatch: batch, in: nil)
                let batchX = try x.map { try Batches.take(rows, from: $0) }, batchY = try y.map { try Batches.take(rows, from: $0) }
                let predictions = try forward(inputs: batchX, training: false)
                let outputLosses = try zip(setup.objectives, zip(batchY, predictions)).map { objective, pair in
                    try objective.loss(pair.0, pair.1).meanIfNotScalar().scalar
                }
                let total = zip(setup.objectives, outputLosses).reduce(Float(0)) { $0 + $1.0.weight * $1.1 }
                losses.add(StepLosses(loss: total, outputs: outputLosses, regularization: nil), rows: rows.count)
                for (objective, (labels, output)) in zip(setup.objectives, zip(batchY, predictions)) {
                    for metric in objective.metrics { try metric.update(labels: labels, predictions: output) }
                }
            }
        }
        return currentFigures(losses, setup: setup)
    }

    /// The outputs of a model of several inputs or outputs for every row, `batchSize` rows at
    /// a time, without training-only behaviour: one array per output.
    ///
    /// - Throws: `ModelError.invalidInput` when the arrays do not fit the model;
    ///   `ModelError.invalidArgument` for a batch size below 1, arrays of different row counts,
    ///   or no rows.
    public func predict(_ x: [Tensor], batchSize: Int = 32) throws -> [Tensor] {
        guard batchSize >= 1 else {
            throw ModelError.invalidArgument(owner: "predict", argument: "batchSize", expected: "at least 1", received: "\(batchSize)")
        }
        guard let rows = x.first?.shape.dimensions.first, x.allSatisfy({ $0.rank >= 1 && $0.shape[0] == rows }) else {
            throw ModelError.invalidArgument(owner: "predict", argument: "x", expected: "one array per input, all with the same number of rows",
                                             received: "shapes \(x.map(\.shape))")
        }
        guard rows >= 1 else {
            throw ModelError.invalidArgument(owner: "predict", argument: "x", expected: "at least one sample", received: "shapes \(x.map(\.shape))")
        }
        return try withoutGradients {
            let batches = Batches(count: rows, batchSize: batchSize)
            let outputs = try (0..<batches.batchCount).map { batch in
                try forward(inputs: try x.map { try Batches.take(batches.rows(ofBatch: batch, in: nil), from: $0) }, training: false)
            }
            return try (0..<(outputs.first?.count ?? 0)).map { output in try Tensor.concatenating(outputs.map { $0[output] }, alongAxis: 0) }
        }
    }
}
