/// A problem diagnostics found in a training run, said in plain words with what to try.
///
/// ```swift
/// for warning in history.diagnostics?.warnings ?? [] { print(warning) }
/// // epoch 1, layer 'dense_2': 58 of 64 ReLU units (91 %) output 0 for every sample … Try: …
/// ```
public struct DiagnosticWarning: Codable, Equatable, Sendable, CustomStringConvertible {
    /// The kinds of problem diagnostics recognise.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// Most units of a ReLU layer output 0 for every sample, so they no longer learn.
        case deadReLU
        /// Most outputs of a sigmoid or tanh layer sit at the function's bounds, where its
        /// derivative is nearly 0.
        case saturatedActivations
        /// The gradient shrinks by orders of magnitude from the last layer to the first.
        case vanishingGradients
        /// The gradient grows by orders of magnitude from the last layer to the first, or is non-finite.
        case explodingGradients
        /// The output looks like probabilities but the loss expects logits.
        case probabilitiesIntoLogitsLoss
        /// The output looks like logits but the loss expects probabilities.
        case logitsIntoProbabilityLoss
        /// The validation loss rises while the training loss falls.
        case overfitting
        /// The loss grows, or became NaN or infinite.
        case learningRateTooHigh
        /// The loss hardly moves and each step barely changes the weights.
        case learningRateTooLow
        /// A layer's output became NaN or infinite.
        case nonFiniteOutput
    }

    /// What kind of problem this is.
    public var kind: Kind
    /// The epoch it was found in, counted from 0.
    public var epoch: Int
    /// The layer concerned, when there is one.
    public var layer: String?
    /// What is wrong, with the figures that show it.
    public var problem: String
    /// What to try.
    public var remedy: String

    /// A warning of `kind`.
    public init(_ kind: Kind, epoch: Int, layer: String? = nil, problem: String, remedy: String) {
        self.kind = kind
        self.epoch = epoch
        self.layer = layer
        self.problem = problem
        self.remedy = remedy
    }

    /// `epoch 3, layer 'dense_1': <problem> Try: <remedy>`.
    public var description: String {
        "epoch \(epoch + 1)\(layer.map { ", layer '\($0)'" } ?? ""): \(problem) Try: \(remedy)"
    }
}

/// Everything diagnostics recorded in a run: per-epoch figures and the warnings raised.
public struct TrainingDiagnosticsRecord: Codable, Equatable, Sendable {
    /// One entry per epoch completed.
    public var epochs: [EpochDiagnostics] = []
    /// The warnings, in the order they were raised; each kind is raised once per layer.
    public var warnings: [DiagnosticWarning] = []

    /// An empty record.
    public init() {}

    /// The warnings of `kind`.
    public func warnings(of kind: DiagnosticWarning.Kind) -> [DiagnosticWarning] { warnings.filter { $0.kind == kind } }

    /// This record followed by `later`'s epochs and warnings (a checkpoint's and a resumed run's).
    public func followed(by later: TrainingDiagnosticsRecord) -> TrainingDiagnosticsRecord {
        var joined = self
        joined.epochs += later.epochs
        joined.warnings += later.warnings
        return joined
    }
}
