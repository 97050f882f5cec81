import Foundation
import SynapseNN

/// Writes a training checkpoint (see `Checkpoint`) to one folder after each epoch, or only
/// when the monitored figure improves: Keras's `ModelCheckpoint`, with optimizer state.
///
/// ```swift
/// let checkpoint = ModelCheckpoint(directory: url, saveBestOnly: true)
/// try model.fit(x, y, epochs: 20, validationSplit: 0.1, callbacks: [checkpoint], seed: 7)
/// // later, in a new process, the same call continued from the last checkpoint:
/// try model.fit(x, y, epochs: 20, validationSplit: 0.1, callbacks: [checkpoint], seed: 7, resumeFrom: url)
/// ```
public final class ModelCheckpoint: Callback {
    /// The checkpoint folder, replaced atomically on each save.
    public let directory: URL
    /// Whether to save only when `monitor` improves.
    public let saveBestOnly: Bool
    /// The epochs after which a checkpoint was written, counted from 0.
    public private(set) var savedEpochs: [Int] = []
    private var monitored: MonitoredFigure
    private var history: History

    /// A callback writing checkpoints to `directory`.
    ///
    /// - Parameters:
    ///   - saveBestOnly: save only after epochs whose `monitor` figure beats every earlier one.
    ///   - monitor: the figure watched with `saveBestOnly`.
    ///   - mode: which way `monitor` improves; `.automatic` takes lower as better for losses
    ///     and errors, higher for accuracies and scores.
    ///   - resuming: the checkpoint training continues from, whose history the new checkpoints extend.
    public init(directory: URL, saveBestOnly: Bool = false, monitor: MetricKey = .validationLoss, mode: ImprovementMode = .automatic,
                resuming: ResumePoint? = nil) {
        self.directory = directory
        self.saveBestOnly = saveBestOnly
        monitored = MonitoredFigure(key: monitor, mode: mode, minimumDelta: 0)
        history = History()
        if let resuming { continueTraining(from: resuming) }
    }

    /// Makes the checkpoints this callback writes extend the history of `point`, and (with
    /// `saveBestOnly`) beat its best figure. `fit(_:_:…resumeFrom:)` calls it for every
    /// `ModelCheckpoint` it is given.
    public func continueTraining(from point: ResumePoint) {
        history = (try? History(epochs: point.history.epochs, values: point.history.values)) ?? History()
        monitored = MonitoredFigure(key: monitored.key, mode: monitored.lowerIsBetter ? .minimize : .maximize, minimumDelta: 0)
        for value in point.history[monitored.key] { _ = monitored.improves(with: value) }
    }

    /// Records the epoch and writes the checkpoint when due.
    ///
    /// - Throws: `ModelError.invalidArgument` when the model cannot be saved as a model folder or the
    ///   monitored figure is absent; `CheckpointError` when the write fails.
    public func epochDidEnd(_ epoch: Int, logs: [MetricKey: Float], context: TrainingContext) throws {
        try history.epochDidEnd(epoch, logs: logs, context: context)
        if saveBestOnly {
            let value = try monitored.value(in: logs, owner: "ModelCheckpoint")
            guard monitored.improves(with: value) else { return }
        }
        guard let model = context.model as? any ModelFolderConvertible else {
            throw ModelError.invalidArgument(owner: "ModelCheckpoint", argument: "model", expected: "a Sequential or Functional model",
                                             received: "\(type(of: context.model))")
        }
        try Checkpoint.write(model, epochsCompleted: epoch + 1, history: history, to: directory)
        savedEpochs.append(epoch)
    }
}
