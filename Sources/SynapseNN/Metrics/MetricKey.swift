/// The typed name of a figure recorded during training: `loss`, `accuracy`, and their
/// validation counterparts (`val_loss`, …), used to read `History` and to choose what a
/// callback monitors.
///
/// ```swift
/// history[.loss]                      // training loss per epoch
/// EarlyStopping(monitor: .validationLoss, patience: 3)
/// ```
public struct MetricKey: Hashable, Codable, Sendable, CustomStringConvertible {
    /// The metric's name without the validation prefix, e.g. `accuracy`.
    public let name: String
    /// Whether the figure was measured on validation data.
    public let isValidation: Bool

    /// The key of the metric called `name`.
    public init(_ name: String, isValidation: Bool = false) {
        self.name = name
        self.isValidation = isValidation
    }

    /// The key Keras spells `name` (`val_` marks a validation figure).
    public init(keras name: String) {
        self = name.hasPrefix("val_") ? MetricKey(String(name.dropFirst(4)), isValidation: true) : MetricKey(name)
    }

    /// The same metric measured on validation data.
    public var validation: MetricKey { MetricKey(name, isValidation: true) }

    /// Keras's spelling: `accuracy` or `val_accuracy`.
    public var description: String { isValidation ? "val_\(name)" : name }

    /// The training loss.
    public static let loss = MetricKey("loss")
    /// The validation loss.
    public static let validationLoss = MetricKey("loss", isValidation: true)
    /// Accuracy, of whichever kind the model compiled.
    public static let accuracy = MetricKey("accuracy")
    /// Validation accuracy.
    public static let validationAccuracy = MetricKey("accuracy", isValidation: true)
    /// The regularizers' share of the training loss (which includes it), per epoch.
    public static let regularizationLoss = MetricKey("regularization_loss")
    /// The learning rate at the end of each epoch.
    public static let learningRate = MetricKey("learning_rate")
}
