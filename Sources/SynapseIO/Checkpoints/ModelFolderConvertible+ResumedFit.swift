import Foundation
import SynapseNN
import SynapseTensor

extension ModelFolderConvertible {
    /// `fit` continued from the checkpoint in folder `url`: loads it (`resumeTraining(from:)`:
    /// weights, optimizer state, the stochastic layers' generators), makes every
    /// `ModelCheckpoint` among `callbacks` extend its history, and trains the epochs still to
    /// do, `initialEpoch..<epochs`. With the same data, seed and arguments as the interrupted
    /// call, the final weights equal those of an uninterrupted run, bit for bit.
    ///
    /// ```swift
    /// let checkpoint = ModelCheckpoint(directory: url)
    /// try model.fit(x, y, epochs: 20, callbacks: [checkpoint], seed: 7)                   // killed after epoch 12
    /// let history = try model.fit(x, y, epochs: 20, callbacks: [checkpoint], seed: 7, resumeFrom: url)   // epochs 12–19
    /// ```
    ///
    /// - Returns: the figures of every epoch: the checkpoint's, then the new ones.
    /// - Throws: the errors of `resumeTraining(from:)` for a checkpoint that does not load
    ///   (the model is then untouched), and those of `fit`.
    @discardableResult
    public func fit(
        _ x: Tensor, _ y: Tensor, epochs: Int = 1, batchSize: Int = 32, shuffle: Bool = true,
        validationSplit: ValidationSplit = .none, validationData: (x: Tensor, y: Tensor)? = nil,
        classWeights: [Int: Float]? = nil, sampleWeights: Tensor? = nil,
        callbacks: [any Callback] = [], verbose: Verbosity = .automatic, terminateOnNaN: Bool = true, seed: UInt64 = 0,
        resumeFrom url: URL
    ) throws -> History {
        let resume = try resumeTraining(from: url)
        for case let checkpoint as ModelCheckpoint in callbacks { checkpoint.continueTraining(from: resume) }
        guard resume.initialEpoch < epochs else { return resume.history }
        let rest = try fit(x, y, epochs: epochs, batchSize: batchSize, shuffle: shuffle, validationSplit: validationSplit,
                           validationData: validationData, classWeights: classWeights, sampleWeights: sampleWeights, callbacks: callbacks, verbose: verbose, terminateOnNaN: terminateOnNaN,
                           seed: seed, initialEpoch: resume.initialEpoch)
        return try resume.history.followed(by: rest)
    }
}
