/// The range checks of optimizer settings, each throwing `ModelError.invalidArgument` that names
/// the optimizer, the setting, the accepted range and the value received.
struct OptimizerArgumentCheck {
    /// The optimizer named in messages, e.g. `Adam`.
    let owner: String

    /// Requires a finite `value > 0` (learning rates, epsilons, clipping thresholds).
    ///
    /// - Throws: `ModelError.invalidArgument` otherwise.
    func positive(_ value: Float, _ argument: String, at step: Int? = nil) throws {
        guard value.isFinite && value > 0 else {
            throw invalid(argument, expected: "a finite value > 0", received: value, at: step)
        }
    }

    /// Requires a finite `value ≥ 0` (weight decay, Adagrad's initial accumulator value).
    ///
    /// - Throws: `ModelError.invalidArgument` otherwise.
    func nonNegative(_ value: Float, _ argument: String) throws {
        guard value.isFinite && value >= 0 else { throw invalid(argument, expected: "a finite value ≥ 0", received: value) }
    }

    /// Requires `0 ≤ value < 1` (decay rates of moving averages: `beta1`, `beta2`, `rho`).
    ///
    /// - Throws: `ModelError.invalidArgument` otherwise.
    func decayRate(_ value: Float, _ argument: String) throws {
        guard value >= 0 && value < 1 else { throw invalid(argument, expected: "in [0, 1)", received: value) }
    }

    /// Requires `0 ≤ value ≤ 1` (momentum, as Keras's SGD).
    ///
    /// - Throws: `ModelError.invalidArgument` otherwise.
    func momentum(_ value: Float, _ argument: String) throws { try fraction(value, argument) }

    /// Requires `0 ≤ value ≤ 1` (fractions: momentum, a cosine schedule's `alpha`).
    ///
    /// - Throws: `ModelError.invalidArgument` otherwise.
    func fraction(_ value: Float, _ argument: String) throws {
        guard value >= 0 && value <= 1 else { throw invalid(argument, expected: "in [0, 1]", received: value) }
    }

    /// Requires a count of at least 1 (a schedule's steps).
    ///
    /// - Throws: `ModelError.invalidArgument` otherwise.
    func atLeastOne(_ value: Int, _ argument: String) throws {
        guard value >= 1 else { throw ModelError.invalidArgument(owner: owner, argument: argument, expected: "at least 1", received: "\(value)") }
    }

    /// The error for `argument`, with the step number when the value depends on it.
    func invalid(_ argument: String, expected: String, received value: Float, at step: Int? = nil) -> ModelError {
        .invalidArgument(owner: owner, argument: argument, expected: expected,
                         received: step.map { "\(value) at step \($0)" } ?? "\(value)")
    }
}
