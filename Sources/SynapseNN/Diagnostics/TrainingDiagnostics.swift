import SynapseTensor

/// A callback that watches training from the inside and says, in plain words, what goes wrong.
///
/// Each epoch it records, per layer, the mean gradient norm, the weight norm, the update
/// ratio and statistics of the outputs on up to `sampleSize` of the epoch's training rows;
/// and it raises a `DiagnosticWarning`, with a remedy, for dead ReLU units, vanishing or
/// exploding gradients, probabilities fed to a from-logits loss (and logits to a probability
/// loss), overfitting, a learning rate too high or too low, and the first layer whose output
/// became NaN or infinite. `fit` stores the record in `History.diagnostics`.
///
/// ```swift
/// let diagnostics = TrainingDiagnostics()
/// let history = try model.fit(x, y, epochs: 10, callbacks: [diagnostics])
/// for warning in diagnostics.record.warnings { print(warning) }
/// ```
///
/// The record survives a `fit` that throws (a NaN loss), so the warnings can still be read.
public final class TrainingDiagnostics: TrainingStepObserver {
    /// How many training rows each epoch's output statistics are computed on.
    public let sampleSize: Int
    /// When warnings are raised.
    public let thresholds: DiagnosticThresholds
    /// The figures and warnings so far.
    public private(set) var record = TrainingDiagnosticsRecord()

    /// The layers with trainable parameters, and which of a step's parameters are theirs.
    private var parameterGroups: [(layer: String, indices: [Int])] = []
    private var gradientNormSums: [Double] = []
    private var steps = 0
    var epoch = 0
    /// Up to `sampleSize` of the epoch's rows: per batch, one array per model input.
    private var sample: [[Tensor]] = []
    var sampleRows = 0
    /// The run's first batch loss, the yardstick of divergence within an epoch.
    var firstBatchLoss: Float?
    private var weightsAtEpochStart: [[Tensor]] = []
    private var outputsChecked = false
    /// Each epoch's training loss, and validation loss when there is one.
    var losses: [(training: Float, validation: Float?)] = []
    private var raised: Set<String> = []

    /// Diagnostics computing output statistics on `sampleSize` rows per epoch, raising
    /// warnings at `thresholds`.
    ///
    /// - Throws: `ModelError.invalidArgument` when `sampleSize` is below 1.
    public init(sampleSize: Int = 256, thresholds: DiagnosticThresholds = DiagnosticThresholds()) throws {
        guard sampleSize >= 1 else {
            throw ModelError.invalidArgument(owner: "TrainingDiagnostics", argument: "sampleSize", expected: "at least 1", received: "\(sampleSize)")
        }
        self.sampleSize = sampleSize
        self.thresholds = thresholds
    }

    public func trainingWillBegin(_ context: TrainingContext) throws {
        let position = Dictionary(uniqueKeysWithValues: context.model.trainableParameters.enumerated().map { (ObjectIdentifier($0.element), $0.offset) })
        parameterGroups = context.model.layers.compactMap { layer in
            let indices = layer.trainableParameters.compactMap { position[ObjectIdentifier($0)] }
            return indices.isEmpty ? nil : (layer.name, indices)
        }
        outputsChecked = false
        firstBatchLoss = nil
    }

    public func epochWillBegin(_ epoch: Int, context: TrainingContext) throws {
        self.epoch = epoch
        gradientNormSums = Array(repeating: 0, count: parameterGroups.count)
        steps = 0
        sample = []
        sampleRows = 0
        let parameters = context.model.trainableParameters
        weightsAtEpochStart = parameterGroups.map { group in group.indices.map { parameters[$0].value } }
    }

    public func stepDidCompute(_ step: TrainingStep, context: TrainingContext) throws {
        for (group, (_, indices)) in parameterGroups.enumerated() {
            gradientNormSums[group] += Double(Self.norm(of: indices.map { step.gradients[$0] }))
        }
        steps += 1
        if sampleRows < sampleSize, let batchRows = step.inputs.first?.shape[0] {
            let rows = Swift.min(batchRows, sampleSize - sampleRows)
            sample.append(rows == batchRows ? step.inputs : try step.inputs.map { try $0.sliced([0..<rows]) })
            sampleRows += rows
        }
        if !outputsChecked, let objectives = context.model.trainingSetup?.objectives {
            outputsChecked = true
            for (objective, predictions) in zip(objectives, step.predictions) { checkOutputs(predictions, against: objective.loss) }
        }
        try checkLoss(of: step, model: context.model)
    }

    public func epochDidEnd(_ epoch: Int, logs: [MetricKey: Float], context: TrainingContext) throws {
        let parameters = context.model.trainableParameters
        let inputs = try (0..<(sample.first?.count ?? 0)).map { input in try Tensor.concatenating(sample.map { $0[input] }, alongAxis: 0) }
        let outputs = sample.isEmpty ? [] : try context.model.layerOutputs(inputs, training: false)
        let groupOf = Dictionary(uniqueKeysWithValues: parameterGroups.enumerated().map { ($0.element.layer, $0.offset) })
        let layers = outputs.filter { !($0.layer is Input) }.map { layer, output -> LayerDiagnostics in
            let activation = (layer as? any ActivatedLayer)?.outputActivation
            guard let group = groupOf[layer.name] else {
                return LayerDiagnostics(layer: layer.name, gradientNorm: nil, weightNorm: nil, updateRatio: nil,
                                        activations: ActivationStatistics(of: output, activation: activation))
            }
            let weights = parameterGroups[group].indices.map { parameters[$0].value }
            let change = (try? zip(weights, weightsAtEpochStart[group]).map { try $0 - $1 }).map(Self.norm(of:)) ?? .nan
            let startNorm = Self.norm(of: weightsAtEpochStart[group])
            return LayerDiagnostics(
                layer: layer.name, gradientNorm: steps > 0 ? Float(gradientNormSums[group] / Double(steps)) : nil,
                weightNorm: Self.norm(of: weights), updateRatio: startNorm > 0 && steps > 0 ? change / startNorm / Float(steps) : nil,
                activations: ActivationStatistics(of: output, activation: activation))
        }
        let figures = EpochDiagnostics(epoch: epoch, layers: layers)
        record.epochs.append(figures)
        if let loss = logs[.loss] { losses.append((loss, logs[.validationLoss])) }
        checkEpoch(figures, learningRate: context.optimizer.currentLearningRate)
    }

    /// Adds `warning` unless one of its kind was raised for its layer already.
    func raise(_ warning: DiagnosticWarning) {
        guard raised.insert("\(warning.kind.rawValue)/\(warning.layer ?? "")").inserted else { return }
        record.warnings.append(warning)
    }

    /// The L2 norm of all of `tensors`' elements together.
    static func norm(of tensors: [Tensor]) -> Float {
        Float(tensors.reduce(0.0) { $0 + $1.withUnsafeBufferPointer(\.sumOfSquares) }.squareRoot())
    }
}
