import SynapseTensor

/// An exponential moving average of a model's weights: Keras's `use_ema`, and the averaged
/// generator of GAN practice, whose samples are cleaner than the last step's weights.
///
/// ```swift
/// let average = WeightAverage(of: generator, decay: 0.999)
/// for batch in batches {
///     … one training step of `generator` …
///     try average.update()
/// }
/// try average.copy(to: sampler)       // a model of the same architecture
/// ```
///
/// Every parameter is averaged, the non-trainable ones (batch normalisation's moving
/// statistics) included; `Model.recomputeBatchStatistics` then gives the averaged weights
/// statistics of their own. The average starts at the weights it is created with, as
/// TensorFlow's `ExponentialMovingAverage` does.
public final class WeightAverage {
    /// How much of the average each update keeps: `average ← decay · average + (1 − decay) · weight`.
    public let decay: Float
    /// The averaged model's parameters, in `parameters` order.
    private let parameters: [Parameter]
    /// The averages, one per parameter.
    public private(set) var averages: [Tensor]

    /// An average of `model`'s weights, starting at their current values.
    ///
    /// - Throws: `ModelError.invalidArgument` for a decay outside [0, 1) or a model that is
    ///   not built.
    public init(of model: some Model, decay: Float = 0.999) throws {
        guard decay >= 0 && decay < 1 else {
            throw ModelError.invalidArgument(owner: "WeightAverage", argument: "decay", expected: "a fraction in [0, 1)", received: "\(decay)")
        }
        guard model.builtInputShape != nil else {
            throw ModelError.notReady(model: model.name, reason: "build it (call it, fit it, or start it with Input) before averaging its weights")
        }
        self.decay = decay
        parameters = model.parameters
        averages = parameters.map { $0.value.detached() }
    }

    /// Moves every average toward its parameter's current value.
    ///
    /// - Throws: `ModelError.invalidArgument` when a parameter changed shape since.
    public func update() throws {
        let keep = decay, take = 1 - decay
        for (index, parameter) in parameters.enumerated() {
            guard parameter.shape == averages[index].shape else {
                throw ModelError.invalidArgument(owner: "WeightAverage", argument: "parameter '\(parameter.name)'",
                                                 expected: "shape \(averages[index].shape)", received: "shape \(parameter.shape)")
            }
            parameter.value.withUnsafeBufferPointer { value in
                averages[index].withUnsafeMutableBufferPointer { average in
                    for i in average.indices { average[i] = keep * average[i] + take * value[i] }
                }
            }
        }
    }

    /// Sets `model`'s weights to the averages.
    ///
    /// - Throws: `ModelError.invalidArgument` when `model`'s parameters differ in count or
    ///   shape from the averaged model's.
    public func copy(to model: some Model) throws {
        let targets = model.parameters
        guard targets.count == averages.count else {
            throw ModelError.invalidArgument(owner: "WeightAverage", argument: "model '\(model.name)'",
                                             expected: "\(averages.count) parameters, as the averaged model", received: "\(targets.count)")
        }
        for (target, average) in zip(targets, averages) where target.shape != average.shape {
            throw ModelError.invalidArgument(owner: "WeightAverage", argument: "parameter '\(target.name)' of '\(model.name)'",
                                             expected: "shape \(average.shape)", received: "shape \(target.shape)")
        }
        for (target, average) in zip(targets, averages) { target.value = average.detached() }
    }
}
