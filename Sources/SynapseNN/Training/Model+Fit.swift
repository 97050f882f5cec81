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
        try fit([x], [y], epochs: epochs, batchSize: batchSize, shuffle: shuffle, validationSplit: validationSplit,
                validationData: validationData.map { ([$0.x], [$0.y]) }, classWeights: classWeights, sampleWeights: sampleWeights,
                callbacks: callbacks, verbose: verbose, terminateOnNaN: terminateOnNaN, seed: seed, initialEpoch: initialEpoch)
    }

    /// Trains a model of several inputs or outputs: one array per input in `x`, one label
    /// array per output in `y` (in the order of `outputNames`), rows aligned across all.
    ///
    /// Each output's loss is weighted as `compile` said; the History holds the total `loss`,
    /// and, with several outputs, each one's `<output>_loss` and `<output>_<metric>`.
    /// `classWeights` needs a single output; `sampleWeights` weigh every output's loss.
    ///
    /// - Throws: as `fit(_:_:…)`, and `ModelError.invalidArgument` for another number of
    ///   arrays than the model has inputs or outputs, or arrays of different row counts.
    @discardableResult
    public func fit(
        _ x: [Tensor], _ y: [Tensor], epochs: Int = 1, batchSize: Int = 32, shuffle: Bool = true,
        validationSplit: ValidationSplit = .none, validationData: (x: [Tensor], y: [Tensor])? = nil,
        classWeights: [Int: Float]? = nil, sampleWeights: Tensor? = nil,
        callbacks: [any Callback] = [], verbose: Verbosity = .automatic, terminateOnNaN: Bool = true, seed: UInt64 = 0,
        initialEpoch: Int = 0
    ) throws -> History {
        let setup = try requireSetup(for: "fit")
        try FitArguments.validate(x: x, y: y, outputs: setup.objectives.count, epochs: epochs, batchSize: batchSize)
        guard (0..<epochs).contains(initialEpoch) else {
            throw ModelError.invalidArgument(owner: "fit", argument: "initialEpoch", expected: "0 ..< epochs (\(epochs))", received: "\(initialEpoch)")
        }
        if classWeights != nil && y.count > 1 {
            throw ModelError.invalidArgument(owner: "fit", argument: "classWeights", expected: "a model with one output (use sampleWeights)", received: "\(y.count) outputs")
        }
        let rowCount = x[0].shape[0]
        var generator = RandomGenerator(seed: seed)
        let (trainingRows, validationRows) = try validationSplit.partition(count: rowCount, using: &generator)
        func training(_ arrays: [Tensor]) throws -> [Tensor] {
            validationRows.isEmpty ? arrays : try arrays.map { try $0.gathering(atIndices: trainingRows, alongAxis: 0) }
        }
        let (trainX, trainY) = (try training(x), try training(y))
        let weights = try SampleWeights.make(labels: y[0], classWeights: classWeights, sampleWeights: sampleWeights)
        let trainWeights = try weights.map { try training([$0])[0] }
        let validation = try validationData ?? (validationRows.isEmpty ? nil : (
            try x.map { try $0.gathering(atIndices: validationRows, alongAxis: 0) }, try y.map { try $0.gathering(atIndices: validationRows, alongAxis: 0) }))
        if builtInputShape == nil { try build(inputShape: Shape(Array(x[0].shape.dimensions.dropFirst()))) }

        let history = History()
        let batches = Batches(count: trainX[0].shape[0], batchSize: batchSize)
        let context = TrainingContext(model: self, optimizer: setup.optimizer, epochs: epochs, stepsPerEpoch: batches.batchCount)
        var allCallbacks = callbacks
        if terminateOnNaN && !callbacks.contains(where: { $0 is TerminateOnNaN }) { allCallbacks.append(TerminateOnNaN()) }
        if verbose != .silent {
            let logger = ProgressLogger(verbosity: verbose)
            logger.note(validationData == nil ? validationSplit.explanation(count: rowCount, seed: seed) : "")
            allCallbacks.append(logger)
        }
        allCallbacks.append(history)

        let parameters = trainableParameters
        let observers = allCallbacks.compactMap { $0 as? any TrainingStepObserver }
        let observe: ((TrainingStep) throws -> Void)? = observers.isEmpty ? nil : { step in
            for observer in observers { try observer.stepDidCompute(step, context: context) }
        }
        if shuffle { for _ in 0..<initialEpoch { _ = batches.shuffledOrder(using: &generator) } }
        for callback in allCallbacks { try callback.trainingWillBegin(context) }
        epochLoop: for epoch in initialEpoch..<epochs {
            for callback in allCallbacks { try callback.epochWillBegin(epoch, context: context) }
            for metric in setup.metrics { metric.reset() }
            var losses = EpochLosses(outputs: setup.objectives.count)
            let order = shuffle ? batches.shuffledOrder(using: &generator) : nil
            for batch in 0..<batches.batchCount {
                let rows = batches.rows(ofBatch: batch, in: order)
                let batchX = try trainX.map { try Batches.take(rows, from: $0) }, batchY = try trainY.map { try Batches.take(rows, from: $0) }
                let batchWeights = try trainWeights.map { try Batches.take(rows, from: $0) }
                let step = try trainStep(batchX, batchY, batch: batch, weights: batchWeights, setup: setup, parameters: parameters, observe: observe)
                losses.add(step, rows: rows.count)
                var logs = currentFigures(losses, setup: setup)
                logs[.batchLoss] = step.loss
                for callback in allCallbacks { try callback.batchDidEnd(batch, logs: logs, context: context) }
                if context.stopTraining { break }
            }
            var logs = currentFigures(losses, setup: setup)
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
        try trainOnBatch([x], [y])
    }

    /// One optimisation step on one batch of a model of several inputs or outputs.
    ///
    /// - Returns: the batch's losses and metrics (the metrics are reset first).
    /// - Throws: as `fit`.
    @discardableResult
    public func trainOnBatch(_ x: [Tensor], _ y: [Tensor]) throws -> [MetricKey: Float] {
        let setup = try requireSetup(for: "trainOnBatch")
        try FitArguments.validate(x: x, y: y, outputs: setup.objectives.count, epochs: 1, batchSize: 1, owner: "trainOnBatch")
        if builtInputShape == nil { try build(inputShape: Shape(Array(x[0].shape.dimensions.dropFirst()))) }
        for metric in setup.metrics { metric.reset() }
        var losses = EpochLosses(outputs: setup.objectives.count)
        losses.add(try trainStep(x, y, setup: setup, parameters: trainableParameters), rows: x[0].shape[0])
        return currentFigures(losses, setup: setup)
    }

    /// The forward pass, loss, gradients and update for one batch; returns the batch's losses
    /// and adds the batch to the metrics. `observe` sees the step before the update when given.
    private func trainStep(
        _ x: [Tensor], _ y: [Tensor], batch: Int = 0, weights: Tensor? = nil, setup: TrainingSetup, parameters: [Parameter],
        observe: ((TrainingStep) throws -> Void)? = nil
    ) throws -> StepLosses {
        var predictions: [Tensor] = [], outputLosses: [Tensor] = [], regularization: Tensor?
        let (loss, gradients) = try valueWithGradient(of: parameters) {
            let outputs = try forward(inputs: x, training: true)
            predictions = outputs.map { $0.detached() }
            let losses = try zip(setup.objectives, zip(y, outputs)).map { objective, pair in
                try weights.map { try SampleWeights.weightedMean(objective.loss.perSampleLosses(pair.0, pair.1), weights: $0) }
                    ?? objective.loss(pair.0, pair.1).meanIfNotScalar()
            }
            // Σ weightᵢ · lossᵢ, a weight of 1 adding the loss itself (a single output's total is its loss).
            var total: Tensor?
            for (objective, loss) in zip(setup.objectives, losses) {
                let weighted = objective.weight == 1 ? loss : loss * objective.weight
                total = try total.map { try $0 + weighted } ?? weighted
            }
            let penalty = try regularizationLoss()
            // Only detached values leave the closure: nothing then holds the recorded graph once
            // the gradients are taken, so the optimizer updates each parameter's storage in place
            // instead of copying it away from a pullback that still references it.
            outputLosses = losses.map { $0.detached() }
            regularization = penalty?.detached()
            return try penalty.map { try total! + $0 } ?? total!
        }
        if let observe {
            try observe(TrainingStep(batch: batch, inputs: x, predictions: predictions, loss: try loss.scalar, parameters: parameters, gradients: gradients))
        }
        try setup.optimizer.apply(gradients, to: parameters)
        for (objective, (labels, output)) in zip(setup.objectives, zip(y, predictions)) {
            for metric in objective.metrics { try metric.update(labels: labels, predictions: output) }
        }
        return StepLosses(loss: try loss.scalar, outputs: try outputLosses.map { try $0.scalar }, regularization: try regularization?.scalar)
    }

    /// The loss (with each output's when there are several, and the regularizers' share when
    /// there is one) and every metric's current result.
    func currentFigures(_ losses: EpochLosses, setup: TrainingSetup) -> [MetricKey: Float] {
        var figures: [MetricKey: Float] = [.loss: losses.total.mean]
        // The regularizers' share of the loss, reported on its own (the loss includes it).
        if losses.regularization.count > 0 { figures[.regularizationLoss] = losses.regularization.mean }
        for (objective, loss) in zip(setup.objectives, losses.outputs) {
            if setup.objectives.count > 1 { figures[objective.lossKey] = loss.mean }
            for metric in objective.metrics { figures[objective.key(of: metric)] = metric.result }
        }
        return figures
    }

    /// The compile settings, or an error saying `operation` needs `compile` first.
    func requireSetup(for operation: String) throws -> TrainingSetup {
        guard let trainingSetup else {
            throw ModelError.notReady(model: name, reason: "call compile(optimizer:loss:metrics:) before \(operation)")
        }
        if let problem = trainingSetup.problem { throw problem }
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
    /// Throws `ModelError.invalidArgument`, naming `owner` (the call: `fit`, `evaluate`, …), for
    /// counts out of range, another number of label arrays than `outputs`, mismatched row
    /// counts, empty data, or a NaN or infinite input (naming its row).
    static func validate(x: [Tensor], y: [Tensor], outputs: Int, epochs: Int, batchSize: Int, owner: String = "fit") throws {
        guard epochs >= 1 else { throw ModelError.invalidArgument(owner: owner, argument: "epochs", expected: "at least 1", received: "\(epochs)") }
        guard batchSize >= 1 else {
            throw ModelError.invalidArgument(owner: owner, argument: "batchSize", expected: "at least 1", received: "\(batchSize)")
        }
        guard !x.isEmpty else { throw ModelError.invalidArgument(owner: owner, argument: "x", expected: "one array per input", received: "none") }
        guard y.count == outputs else {
            throw ModelError.invalidArgument(owner: owner, argument: "y", expected: "one label array per output (\(outputs))", received: "\(y.count)")
        }
        let multiple = x.count > 1 || y.count > 1
        func label(_ name: String, _ index: Int, of count: Int) -> String { multiple && count > 1 ? "\(name)[\(index)]" : name }
        guard x[0].rank >= 1, x[0].shape[0] >= 1 else {
            throw ModelError.invalidArgument(owner: owner, argument: label("x", 0, of: x.count), expected: "at least one sample", received: "shape \(x[0].shape)")
        }
        let rows = x[0].shape[0]
        for (name, arrays) in [("x", x), ("y", y)] {
            for (index, array) in arrays.enumerated() {
                guard array.rank >= 1, array.shape[0] == rows else {
                    throw ModelError.invalidArgument(
                        owner: owner, argument: label(name, index, of: arrays.count), expected: "one row per sample (\(rows), as in x \(x[0].shape))", received: "shape \(array.shape)")
                }
                try requireFinite(array, name: label(name, index, of: arrays.count), owner: owner)
            }
        }
    }

    /// Throws naming the first row of `tensor` that holds a NaN or an infinity.
    static func requireFinite(_ tensor: Tensor, name: String, owner: String = "fit") throws {
        guard let index = tensor.firstNonFiniteIndex else { return }
        let rowLength = Swift.max(tensor.elementCount / Swift.max(tensor.shape[0], 1), 1)
        throw ModelError.invalidArgument(
            owner: owner, argument: "\(name) row \(index / rowLength)", expected: "finite values", received: "\(tensor.scalars[index]) at element \(index % rowLength)")
    }
}

/// What one training step measured: the total loss, each output's, and the regularizers' share.
struct StepLosses {
    /// The loss minimised: the weighted sum of the outputs' losses plus the regularization.
    let loss: Float
    /// Each output's loss, unweighted.
    let outputs: [Float]
    /// The regularizers' share of `loss`, when the model has regularizers.
    let regularization: Float?
}

/// The running means of an epoch's losses, weighted by the rows of each batch.
struct EpochLosses {
    var total = RunningMean()
    var outputs: [RunningMean]
    var regularization = RunningMean()

    init(outputs count: Int) { outputs = Array(repeating: RunningMean(), count: count) }

    /// Adds a step over `rows` rows.
    mutating func add(_ step: StepLosses, rows: Int) {
        total.add(sum: Double(step.loss) * Double(rows), count: Double(rows))
        for index in outputs.indices { outputs[index].add(sum: Double(step.outputs[index]) * Double(rows), count: Double(rows)) }
        if let value = step.regularization { regularization.add(sum: Double(value) * Double(rows), count: Double(rows)) }
    }
}
