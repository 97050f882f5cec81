import SynapseTensor

/// What every optimizer shares: its name, gradient clipping, per-parameter state and step
/// count, and the step itself, which runs an optimizer's update rule on each parameter.
///
/// A step checks everything before changing anything (counts, shapes, clipping, the learning
/// rate), so a step that throws leaves parameters, momenta and `iterations` as they were (it may
/// have created the fresh, all-initial state of parameters it had not seen, which is the same
/// as none).
struct OptimizerCore {
    /// The optimizer named in error messages, e.g. `Adam`.
    let owner: String
    /// How gradients are clipped before the update rule sees them.
    let clipping: GradientClipping
    /// The mutable state (slots and step count), in a box so that `Optimizer.stateSnapshot(for:)`
    /// and `Optimizer.restore(_:for:)` reach it through the optimizer's copy of the core.
    let state: OptimizerCoreState
    /// The per-parameter state.
    var slots: OptimizerSlots { state.slots }
    /// The number of steps applied so far.
    var iterations: Int { state.iterations }
    /// The fewest elements a core updates on its own: a parameter needs twice as many to be
    /// split (Adam moves 28 bytes an element; below this, waking a core costs more than it saves).
    static let minimumPart = 1 << 15

    /// The shared part of optimizer `owner`, with `slotCount` slots per parameter starting at
    /// `initialSlotValue`.
    init(owner: String, clipping: GradientClipping, slotCount: Int, initialSlotValue: Float = 0) {
        self.owner = owner
        self.clipping = clipping
        state = OptimizerCoreState(slots: OptimizerSlots(slotCount: slotCount, initialValue: initialSlotValue))
    }

    /// Applies `rule` to each trainable parameter with its clipped gradient and the learning
    /// rate `schedule` gives for step `iterations`, then counts the step. Frozen parameters are
    /// skipped; an empty list of gradients is no step at all (as in Keras).
    ///
    /// - Throws: `ModelError.invalidArgument` naming `owner` when the gradients do not fit the
    ///   parameters, the clipping settings are invalid, or the learning rate is not finite and
    ///   positive; nothing observable is changed then.
    mutating func apply(
        _ gradients: [Tensor], to parameters: [Parameter], learningRate schedule: any LearningRateSchedule,
        rule: (ParameterUpdate) -> Void
    ) throws {
        try clipping.validate(for: owner)
        try state.slots.prepare(gradients, for: parameters, owner: owner)
        guard !gradients.isEmpty else { return }
        let learningRate = schedule.learningRate(atStep: iterations)
        try OptimizerArgumentCheck(owner: owner).positive(learningRate, "learningRate", at: iterations)
        let globalScale = clipping.globalScale(of: gradients, for: parameters)
        let bound = clipping.bound, step = iterations + 1
        var position = 0
        for (gradient, parameter) in zip(gradients, parameters) where parameter.isTrainable {
            let slotsOfParameter = state.slots.current[position]
            position += 1
            gradient.withUnsafeBufferPointer { rawGradient in
                let scale = globalScale * clipping.scale(of: rawGradient)
                parameter.value.withUnsafeMutableBufferPointer { value in
                    let update = ParameterUpdate(
                        count: value.count, value: value.baseAddress!, rawGradient: rawGradient.baseAddress!,
                        gradientScale: scale, gradientBound: bound, slots: slotsOfParameter, learningRate: learningRate, step: step)
                    // A large parameter's update is memory-bound: each core updates its own part (the
                    // rules are elementwise, so the result does not depend on the split).
                    Parallel.forEachChunk(count: update.count, minimumChunk: OptimizerCore.minimumPart) { rule(update.part($0)) }
                }
            }
        }
        state.iterations += 1
    }
}
