import SynapseTensor

/// The fraction of predictions that are right.
///
/// Keras's `"accuracy"`: which kind is meant follows from the loss the model is compiled with
/// (binary cross-entropy → binary, sparse categorical → sparse, categorical → categorical) or,
/// standalone, from the shapes of labels and predictions.
public final class Accuracy: Metric {
    /// How predictions are compared with labels.
    public enum Kind: Hashable, Sendable {
        /// Chosen from the loss, or from the shapes.
        case automatic
        /// One probability (or logit, with threshold 0) per output: right when it falls on the
        /// label's side of `threshold`.
        case binary(threshold: Float)
        /// One-hot (or probability) labels: right when the arg-max classes agree.
        case categorical
        /// Integer class labels: right when the arg-max class equals the label.
        case sparseCategorical
    }

    /// The comparison in use.
    public let kind: Kind
    public let name: String
    private var running = RunningMean()

    /// An accuracy of the given kind, recorded under `name`.
    public init(_ kind: Kind = .automatic, name: String = "accuracy") {
        self.kind = kind
        self.name = name
    }

    public var result: Float { running.mean }

    public func reset() { running.reset() }

    public func configured(for loss: any Loss) -> any Metric {
        guard kind == .automatic else { return self }
        switch loss {
        case let binary as BinaryCrossentropy: return Accuracy(.binary(threshold: binary.fromLogits ? 0 : 0.5), name: name)
        case is SparseCategoricalCrossentropy: return Accuracy(.sparseCategorical, name: name)
        case is CategoricalCrossentropy: return Accuracy(.categorical, name: name)
        default: return self
        }
    }

    public func update(labels: Tensor, predictions: Tensor) throws {
        let correct: [Bool]
        switch resolvedKind(labels: labels, predictions: predictions) {
        case .binary(let threshold):
            guard labels.elementCount == predictions.elementCount else { throw mismatch(labels, predictions, "one label per prediction") }
            correct = zip(labels.scalars, predictions.scalars).map { ($0 > 0.5) == ($1 > threshold) }
        case .categorical:
            guard labels.shape == predictions.shape, predictions.rank >= 1 else { throw mismatch(labels, predictions, "labels shaped like the predictions") }
            correct = zip(try labels.argmax(alongAxis: -1).scalars, try predictions.argmax(alongAxis: -1).scalars).map { $0 == $1 }
        case .sparseCategorical, .automatic:
            // One class index per prediction row: per sample, or per step for sequence outputs.
            let rows = predictions.rank >= 2 ? predictions.elementCount / Swift.max(predictions.shape[predictions.rank - 1], 1) : -1
            guard predictions.rank >= 2, labels.elementCount == rows else {
                throw mismatch(labels, predictions, "one class index per sample (or per step) for predictions shaped [batch, (steps,) classes]")
            }
            correct = zip(labels.scalars, try predictions.argmax(alongAxis: -1).scalars).map { $0 == $1 }
        }
        running.add(sum: Double(correct.lazy.filter { $0 }.count), count: Double(correct.count))
    }

    /// `kind`, with `.automatic` resolved from the shapes.
    private func resolvedKind(labels: Tensor, predictions: Tensor) -> Kind {
        guard kind == .automatic else { return kind }
        if predictions.shape.last == 1 || predictions.rank == 1 { return .binary(threshold: 0.5) }
        return labels.shape == predictions.shape ? .categorical : .sparseCategorical
    }

    private func mismatch(_ labels: Tensor, _ predictions: Tensor, _ expected: String) -> ModelError {
        .invalidLabels(owner: "metric '\(name)'", expected: expected, received: "labels \(labels.shape) for predictions \(predictions.shape)")
    }
}

extension Metric where Self == Accuracy {
    /// Accuracy of the kind that fits the loss (Keras's `"accuracy"`).
    public static var accuracy: Accuracy { Accuracy() }

    /// Binary accuracy: right when a prediction is on the label's side of `threshold`.
    public static func binaryAccuracy(threshold: Float = 0.5) -> Accuracy {
        Accuracy(.binary(threshold: threshold), name: "binary_accuracy")
    }
}
