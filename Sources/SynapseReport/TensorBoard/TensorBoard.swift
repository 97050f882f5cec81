import Foundation
import SynapseNN

/// Logs training to TensorBoard event files, in the layout of Keras's `TensorBoard` callback.
///
/// ```text
/// <logDirectory>/train/events.out.tfevents.…        epoch_loss, epoch_accuracy, epoch_learning_rate, …
///                                                   batch_loss; <layer>/<parameter> histograms
/// <logDirectory>/validation/events.out.tfevents.…   epoch_loss, epoch_accuracy, … (from val_loss, …)
/// ```
///
/// After every epoch each figure in the logs, except the per-batch loss, is written as the
/// scalar `epoch_<name>` at step `epoch` (from 0): training figures to `train`, validation
/// ones to `validation` (created when the first validation figure arrives). With
/// `batchScalars`, each batch's loss is written as `batch_loss` at step `1, 2, …` counted
/// across epochs (Keras's global batch). Every `histogramFrequency` epochs (epochs 0, f, 2f,
/// …) each parameter's values are written as a histogram tagged `<layer>/<parameter>`, e.g.
/// `dense/kernel`, in TensorFlow's default buckets (see `HistogramSummary`). Both files are
/// flushed after every epoch, so a running TensorBoard (`tensorboard --logdir <logDirectory>`)
/// shows each epoch as it ends. Each `fit` starts a new file in each directory.
///
/// ```swift
/// try model.fit(x, y, epochs: 10, validationSplit: 0.2, callbacks: [TensorBoard(logDirectory: logs)])
/// ```
public final class TensorBoard: Callback {
    /// The directory holding the `train` and `validation` run directories.
    public let logDirectory: URL
    /// How many epochs apart weight histograms are written; 0 writes none.
    public let histogramFrequency: Int
    /// Whether each batch's loss is written as `batch_loss`.
    public let batchScalars: Bool
    private var trainWriter: EventFileWriter?
    private var validationWriter: EventFileWriter?
    private var batchesSeen = 0

    /// A callback writing under `logDirectory`.
    ///
    /// - Parameters:
    ///   - histogramFrequency: how many epochs apart weight histograms are written; 0 for none.
    ///   - batchScalars: whether to write each batch's loss.
    public init(logDirectory: URL, histogramFrequency: Int = 1, batchScalars: Bool = true) {
        self.logDirectory = logDirectory
        self.histogramFrequency = histogramFrequency
        self.batchScalars = batchScalars
    }

    /// The run directory of training figures.
    public var trainDirectory: URL { logDirectory.appendingPathComponent("train") }
    /// The run directory of validation figures.
    public var validationDirectory: URL { logDirectory.appendingPathComponent("validation") }

    /// Opens a new event file in `train`.
    ///
    /// - Throws: `ReportError.invalidArgument` for a negative `histogramFrequency`;
    ///   `ReportError.unwritable` when the directory or file cannot be created.
    public func trainingWillBegin(_ context: TrainingContext) throws {
        guard histogramFrequency >= 0 else {
            throw ReportError.invalidArgument(owner: "TensorBoard", argument: "histogramFrequency", expected: "0 (no histograms) or more", received: "\(histogramFrequency)")
        }
        trainWriter = try EventFileWriter(directory: trainDirectory)
        validationWriter = nil
        batchesSeen = 0
    }

    /// Queues the batch's loss as `batch_loss`, when `batchScalars` is on.
    public func batchDidEnd(_ batch: Int, logs: [MetricKey: Float], context: TrainingContext) throws {
        batchesSeen += 1
        guard batchScalars, let loss = logs[.batchLoss] else { return }
        try writer(validation: false).write(SummaryValue(tag: "batch_loss", kind: .scalar(loss)), step: batchesSeen)
    }

    /// Writes the epoch's figures and, when due, the weight histograms, then flushes.
    ///
    /// - Throws: `ReportError.unwritable` when a file cannot be created or written.
    public func epochDidEnd(_ epoch: Int, logs: [MetricKey: Float], context: TrainingContext) throws {
        for key in logs.keys.filter({ $0 != .batchLoss }).sorted(by: { $0.description < $1.description }) {
            try writer(validation: key.isValidation).write(SummaryValue(tag: "epoch_\(key.name)", kind: .scalar(logs[key]!)), step: epoch)
        }
        if histogramFrequency > 0 && epoch % histogramFrequency == 0 {
            let train = try writer(validation: false)
            for (name, parameter) in context.model.namedParameters {
                train.write(SummaryValue(tag: name, kind: .histogram(HistogramSummary(values: parameter.value.scalars))), step: epoch)
            }
        }
        try trainWriter?.flush()
        try validationWriter?.flush()
    }

    /// Flushes and closes the files.
    ///
    /// - Throws: `ReportError.unwritable` when the last write fails.
    public func trainingDidEnd(_ context: TrainingContext) throws {
        defer { (trainWriter, validationWriter) = (nil, nil) }
        try trainWriter?.flush()
        try validationWriter?.flush()
    }

    /// The writer of the `train` or `validation` run, opening it on first use.
    private func writer(validation: Bool) throws -> EventFileWriter {
        if let open = validation ? validationWriter : trainWriter { return open }
        let writer = try EventFileWriter(directory: validation ? validationDirectory : trainDirectory)
        if validation { validationWriter = writer } else { trainWriter = writer }
        return writer
    }
}
