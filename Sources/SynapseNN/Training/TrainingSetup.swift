/// What `compile` chose for training: the optimizer, and each output's loss, weight and metrics.
public struct TrainingSetup {
    /// Updates the parameters after each batch.
    public let optimizer: any Optimizer
    /// One per model output, in the model's output order.
    public let objectives: [OutputObjective]
    /// Why training cannot start with these settings, found by `compile`, thrown by `fit`.
    let problem: ModelError?

    init(optimizer: any Optimizer, objectives: [OutputObjective], problem: ModelError? = nil) {
        self.optimizer = optimizer
        self.objectives = objectives
        self.problem = problem
    }

    /// The first output's loss (a single-output model's only one).
    public var loss: any Loss { objectives[0].loss }
    /// Every output's metrics.
    public var metrics: [any Metric] { objectives.flatMap(\.metrics) }
}

/// How one output of a model is trained: its loss, that loss's weight in the total, and the
/// metrics reported for it.
public struct OutputObjective {
    /// The output's name in logs: empty for a single-output model (`loss`, `accuracy`),
    /// else the output layer's name (`classes_loss`, `classes_accuracy`).
    public let name: String
    /// What training minimises for this output.
    public let loss: any Loss
    /// The factor of this output's loss in the total loss.
    public let weight: Float
    /// Figures reported for this output, each configured for its loss.
    public let metrics: [any Metric]

    /// The key `metric` is logged under.
    public func key(of metric: any Metric) -> MetricKey { name.isEmpty ? metric.key : MetricKey("\(name)_\(metric.key.name)") }

    /// The key this output's own loss is logged under (`classes_loss`).
    public var lossKey: MetricKey { MetricKey("\(name)_loss") }
}

extension Model {
    /// Chooses how the model is trained: Keras's `compile`.
    ///
    /// ```swift
    /// model.compile(optimizer: Adam(learningRate: 1e-3),
    ///               loss: .sparseCategoricalCrossentropy(fromLogits: true),
    ///               metrics: [.accuracy])
    /// ```
    ///
    /// A model with several outputs trains each output with this loss; its metrics are
    /// chosen per output with `compile(optimizer:losses:lossWeights:metrics:)` (one metric
    /// object cannot count two outputs), so `fit` refuses metrics given here for such a model.
    public func compile(optimizer: any Optimizer, loss: some Loss, metrics: [any Metric] = []) {
        let names = outputNames
        let problem = names.count > 1 && !metrics.isEmpty
            ? ModelError.invalidArgument(owner: "compile of '\(name)'", argument: "metrics",
                                         expected: "one list per output, given to compile(optimizer:losses:lossWeights:metrics:) (outputs: \(names.joined(separator: ", ")))",
                                         received: "one list for \(names.count) outputs")
            : nil
        trainingSetup = TrainingSetup(optimizer: optimizer, objectives: names.map { name in
            OutputObjective(name: names.count == 1 ? "" : name, loss: loss, weight: 1, metrics: problem == nil ? metrics.map { $0.configured(for: loss) } : [])
        }, problem: problem)
    }

    /// Chooses a loss, a loss weight and metrics per output (in the order of `outputNames`):
    /// Keras's `compile(loss=[…], loss_weights=[…], metrics=[…])`. Training minimises
    /// `Σ weightᵢ · lossᵢ`; `fit` logs the total as `loss` and each output's as `<output>_loss`,
    /// and its metrics as `<output>_<metric>`.
    ///
    /// ```swift
    /// try model.compile(optimizer: Adam(), losses: [SparseCategoricalCrossentropy(fromLogits: true), MeanSquaredError()],
    ///                   lossWeights: [1, 0.5], metrics: [[.accuracy], []])
    /// ```
    ///
    /// - Throws: `ModelError.invalidArgument` when `losses`, `lossWeights` or `metrics` do not
    ///   have one entry per output, or a weight is negative or not finite.
    public func compile(optimizer: any Optimizer, losses: [any Loss], lossWeights: [Float]? = nil, metrics: [[any Metric]]? = nil) throws {
        let names = outputNames
        let owner = "compile of '\(name)'"
        for (argument, count) in [("losses", losses.count), ("lossWeights", lossWeights?.count ?? names.count), ("metrics", metrics?.count ?? names.count)] where count != names.count {
            throw ModelError.invalidArgument(owner: owner, argument: argument, expected: "one entry per output (\(names.count): \(names.joined(separator: ", ")))", received: "\(count)")
        }
        if let bad = lossWeights?.first(where: { !($0 >= 0 && $0.isFinite) }) {
            throw ModelError.invalidArgument(owner: owner, argument: "lossWeights", expected: "finite and ≥ 0", received: "\(bad)")
        }
        trainingSetup = TrainingSetup(optimizer: optimizer, objectives: names.indices.map { index in
            let loss = losses[index]
            return OutputObjective(name: names.count == 1 ? "" : names[index], loss: loss, weight: lossWeights?[index] ?? 1,
                                   metrics: (metrics?[index] ?? []).map { $0.configured(for: loss) })
        })
    }
}
