import Foundation

/// Stops training before a wall-clock budget runs out: at the end of an epoch, when another
/// epoch as long as the longest so far would end past `seconds` from the start of `fit`.
///
/// ```swift
/// try model.fit(x, y, epochs: 100, callbacks: [TimeBudget(seconds: 15 * 60)])   // as many epochs as fit in 15 minutes
/// ```
public final class TimeBudget: Callback {
    /// The budget, in seconds from the start of `fit`.
    public let seconds: Double
    /// The epoch (from 0) after which this callback stopped training, if it did.
    public private(set) var stoppedEpoch: Int?
    private var start = ContinuousClock.now
    private var epochStart = ContinuousClock.now
    private var longestEpoch = 0.0

    /// A budget of `seconds` of training.
    public init(seconds: Double) { self.seconds = seconds }

    /// Seconds since training began.
    public var elapsedSeconds: Double { TimeBudget.seconds(ContinuousClock.now - start) }

    public func trainingWillBegin(_ context: TrainingContext) throws {
        start = .now
        longestEpoch = 0
        stoppedEpoch = nil
    }

    public func epochWillBegin(_ epoch: Int, context: TrainingContext) throws { epochStart = .now }

    public func epochDidEnd(_ epoch: Int, logs: [MetricKey: Float], context: TrainingContext) throws {
        longestEpoch = Swift.max(longestEpoch, TimeBudget.seconds(ContinuousClock.now - epochStart))
        if elapsedSeconds + longestEpoch > seconds {
            stoppedEpoch = epoch
            context.stopTraining = true
        }
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
