import SynapseTensor

extension Model {
    /// Trains the model for `epochs` passes over `x` and `y`: Keras's `fit`.
    ///
    /// Each epoch visits the rows in batches of `batchSize` (in a new seeded order when
    /// `shuffle` is on), takes the gradient of the compiled loss, applies the optimizer, and
    /// reports the running loss and metrics; then it measures the validation data, if any.
    /// The same seed gives bit-identical weights and history on the same machine.
    ///
    /// ```swift
    /// let history = try model.fit(x, y, epochs: 40, batchSize: 32, validationSplit: 0.1)
    /// ```
    ///
    /// - Parameters:
    ///   - validationSplit: the fraction of rows to hold out, shuffled with `seed` (see
    ///     `ValidationSplit` for Keras's tail split).
    ///   - validationData: explicit validation rows; takes precedence over `validationSplit`.
    ///   - callbacks: called at each point of training; `TerminateOnNaN` is added unless
    ///     `terminateOnNaN` is false or the list has one.
    ///   - classWeights: a weight per class index, multiplying the loss of the samples of
    ///     that class (classes not listed weigh 1): Keras's `class_weight`, for imbalanced data.
    ///   - sampleWeights: a weight per row of `x`, multiplying its loss (Keras's `sample_weight`).
    ///     With either, a batch's loss is `Σ weight · loss / batch size`.
    ///   - seed: the seed of shuffling and of the validation split.
    ///   - initialEpoch: the epoch to start at (Keras's `initial_epoch`), to resume from a
    ///     checkpoint written after epoch `initialEpoch - 1`: the shuffles of the earlier epochs
    ///     are drawn and discarded, so with the same data, seed and settings the later epochs
    ///     see exactly the orders of an uninterrupted run. 0 by default.
    /// - Returns: the figures of every epoch trained (from `initialEpoch`).
    /// - Throws: `ModelError` for an uncompiled model, arguments out of range, inputs that do
    ///   not fit the model, labels that do not fit the loss, NaN or infinite inputs (naming the
    ///   row), or a NaN loss; and whatever a callback throws.
    @discardableResult
    public func fit(
        _ x: Tensor, _ y: Tensor, epochs: Int = 1, batchSize: Int = 32, shuffle: Bool = true,
        validationSplit: ValidationSplit = .none, validationData: (x: Tensor, y: Tensor)? = nil,
        classWeights: [Int: Float]? = nil, sampleWeights: Tensor? = nil,
        callbacks: [any Callback] = [], verbose: Verbosity = .automatic, terminateOnNaN: Bool = true, seed: UInt64 = 0,
        initialEpoch: Int = 0
    ) throws -> History {
        let setup = try requireSetup(for: "fit")
        try FitArguments.validate(x: x, y: y, epochs: epochs, batchSize: batchSize)
        guard (0..<epochs).contains(initialEpoch) else {
            throw ModelError.invalidArgument(owner: "fit", argument: "initialEpoch", expected: "0 ..< epochs (\(epochs))", received: "\(initialEpoch)")
        }
        var generator = RandomGenerator(seed: seed)
        let (trainingRows, validationRows) = try validationSplit.partition(count: x.shape[0], using: &generator)
        let trainX = validationRows.isEmpty ? x : try x.gathering(atIndices: trainingRows, alongAxis: 0)
        let trainY = validationRows.isEmpty ? y : try y.gathering(atIndices: trainingRows, alongAxis: 0)
        let weights = try SampleWeights.make(labels: y, classWeights: classWeights, sampleWeights: sampleWeights)
        let trainWeights = validationRows.isEmpty ? weights : try weights?.gathering(atIndices: trainingRows, alongAxis: 0)
        let validation = try validationData
            ?? (validationRows.isEmpty ? nil : (try x.gathering(atIndices: validationRows, alongAxis: 0), try y.gathering(atIndices: validationRows, alongAxis: 0)))
        if builtInputShape == nil { try build(inputShape: Shape(Array(x.shape.dimensions.dropFirst()))) }

        let history = History()
        let batches = Batches(count: trainX.shape[0], batchSize: batchSize)
        let context = TrainingContext(model: self, optimizer: setup.optimizer, epochs: epochs, stepsPerEpoch: batches.batchCount)
        var allCallbacks = callbacks
        if terminateOnNaN && !callbacks.contains(where: { $0 is TerminateOnNaN }) { allCallbacks.append(TerminateOnNaN()) }
        if verbose != .silent {
            let logger = ProgressLogger(verbosity: verbose)
            logger.note(validationData == nil ? validationSplit.explanation(count: x.shape[0], seed: seed) : "")
            allCallbacks.append(logger)
        }
        allCallbacks.append(history)

        let parameters = trainableParameters
        let observers = allCallbacks.compactMap { $0 as? any TrainingStepObserver }
        if shuffle { for _ in 0..<initialEpoch { _ = batches.shuffledOrder(using: &generator) } }
        for callback in allCallbacks { try callback.trainingWillBegin(context) }
        epochLoop: for epoch in initialEpoch..<epochs {
            for callback in allCallbacks { try callback.epochWillBegin(epoch, context: context) }
            for metric in setup.metrics { metric.reset() }
            var runningLoss = RunningMean(), runningRegularization = RunningMean()
            let order = shuffle ? batches.shuffledOrder(using: &generator) : nil
            for batch in 0..<batches.batchCount {
                let rows = batches.rows(ofBatch: batch, in: order)
                let (batchX, batchY) = try (Batches.take(rows, from: trainX), Batches.take(rows, from: trainY))
                let batchWeights = try trainWeights.map { try Batches.take(rows, from: $0) }
                let observe: ((TrainingStep) throws -> Void)? = observers.isEmpty ? nil : { step in
                    for observer in observers { try observer.stepDidCompute(step, context: context) }
                }
                let (loss, regularization) = try trainStep(
                    batchX, batchY, batch: batch, weights: batchWeights, setup: setup, parameters: parameters, observe: observe)
                runningLoss.add(sum: Double(loss) * Double(rows.count), count: Double(rows.count))
                if let regularization { runningRegularization.add(sum: Double(regularization) * Double(rows.count), count: Double(rows.count)) }
                var logs = currentFigures(loss: runningLoss.mean, metrics: setup.metrics)
                logs[.batchLoss] = loss
                for callback in allCallbacks { try callback.batchDidEnd(batch, logs: logs, context: context) }
                if context.stopTraining { break }
            }
            var logs = currentFigures(loss: runningLoss.mean, metrics: setup.metrics)
            // The regularizers' share of the loss, reported on its own (the loss includes it).
            if runningRegularization.count > 0 { logs[.regularizationLoss] = runningRegularization.mean }
            if let validation {
                for (key, value) in try evaluate(validation.x, validation.y, batchSize: batchSize) { logs[key.validation] = value }
            }
            logs[.learningRate] = setup.optimizer.currentLearningRate
            for callback in allCallbacks { try callback.epochDidEnd(epoch, logs: logs, context: context) }
            if context.stopTraining { break epochLoop }
        }
        for callback in allCallbacks { try callback.trainingDidEnd(context) }
        history.diagnostics = allCallbacks.lazy.compactMap { ($0 as? TrainingDiagnostics)?.record }.first
        return history
    }

    /// One optimisation step on one batch: Keras's `train_on_batch`.
    ///
    /// - Returns: the batch's loss and metrics (the metrics are reset first).
    /// - Throws: as `fit`.
    @discardableResult
    public func trainOnBatch(_ x: Tensor, _ y: Tensor) throws -> [MetricKey: Float] {
        let setup = try requireSetup(for: "trainOnBatch")
        try FitArguments.validate(x: x, y: y, epochs: 1, batchSize: 1)
        if builtInputShape == nil { try build(inputShape: Shape(Array(x.shape.dimensions.dropFirst()))) }
        for metric in setup.metrics { metric.reset() }
        let (loss, regularization) = try trainStep(x, y, setup: setup, parameters: trainableParameters)
        var figures = currentFigures(loss: loss, metrics: setup.metrics)
        if let regularization { figures[.regularizationLoss] = regularization }
        return figures
    }

    /// The forward pass, loss, gradients and update for one batch; returns the batch loss and
    /// adds the batch to the metrics. `observe` sees the step before the update when given.
    private func trainStep(
        _ x: Tensor, _ y: Tensor, batch: Int = 0, weights: Tensor? = nil, setup: TrainingSetup, parameters: [Parameter],
        observe: ((TrainingStep) throws -> Void)? = nil
    ) throws -> (loss: Float, regularization: Float?) {
        var predictions: Tensor?, regularization: Tensor?
        let (loss, gradients) = try valueWithGradient(of: parameters) {
            let output = try forward(x, training: true)
            predictions = output.detached()
            let data = try weights.map { try SampleWeights.weightedMean(setup.loss.perSampleLosses(y, output), weights: $0) }
                ?? setup.loss(y, output).meanIfNotScalar()
            regularization = try regularizationLoss()
            return try regularization.map { try data + $0 } ?? data
        }
        if let observe {
            try observe(TrainingStep(batch: batch, inputs: x, predictions: predictions!, loss: try loss.scalar, parameters: parameters, gradients: gradients))
        }
        try setup.optimizer.apply(gradients, to: parameters)
        for metric in setup.metrics { try metric.update(labels: y, predictions: predictions!) }
        return (try loss.scalar, try regularization.map { try $0.detached().scalar })
    }

    /// The loss and every metric's current result.
    func currentFigures(loss: Float, metrics: [any Metric]) -> [MetricKey: Float] {
        var figures: [MetricKey: Float] = [.loss: loss]
        for metric in metrics { figures[metric.key] = metric.result }
        return figures
    }

    /// The compile settings, or an error saying `operation` needs `compile` first.
    func requireSetup(for operation: String) throws -> TrainingSetup {
        guard let trainingSetup else {
            throw ModelError.notReady(model: name, reason: "call compile(optimizer:loss:metrics:) before \(operation)")
        }
        return trainingSetup
    }
}

extension Tensor {
    /// The tensor itself when it holds one value, else its mean: a loss compiled with
    /// `reduction: .none` is averaged before it is differentiated or logged.
    func meanIfNotScalar() throws -> Tensor { elementCount == 1 ? self : try mean() }
}

/// Checks of `fit`'s arguments that do not depend on the model.
enum FitArguments {
    /// Throws `ModelError.invalidArgument` for counts out of range, mismatched row counts,
    /// empty data, or a NaN or infinite input (naming its row).
    static func validate(x: Tensor, y: Tensor, epochs: Int, batchSize: Int) throws {
        guard epochs >= 1 else { throw ModelError.invalidArgument(owner: "fit", argument: "epochs", expected: "at least 1", received: "\(epochs)") }
        guard batchSize >= 1 else {
            throw ModelError.invalidArgument(owner: "fit", argument: "batchSize", expected: "at least 1", received: "\(batchSize)")
        }
        guard x.rank >= 1, x.shape[0] >= 1 else {
            throw ModelError.invalidArgument(owner: "fit", argument: "x", expected: "at least one sample", received: "shape \(x.shape)")
        }
        guard y.rank >= 1, y.shape[0] == x.shape[0] else {
            throw ModelError.invalidArgument(
                owner: "fit", argument: "y", expected: "one label row per sample (\(x.shape[0]), as in x \(x.shape))", received: "shape \(y.shape)")
        }
        try requireFinite(x, name: "x")
        try requireFinite(y, name: "y")
    }

    /// Throws naming the first row of `tensor` that holds a NaN or an infinity.
    static func requireFinite(_ tensor: Tensor, name: String) throws {
        guard let index = tensor.firstNonFiniteIndex else { return }
        let rowLength = Swift.max(tensor.elementCount / Swift.max(tensor.shape[0], 1), 1)
        throw ModelError.invalidArgument(
            owner: "fit", argument: "\(name) row \(index / rowLength)", expected: "finite values", received: "\(tensor.scalars[index]) at element \(index % rowLength)")
    }
}
