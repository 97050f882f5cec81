import Foundation
import SynapseTensor

/// Noisy 1-D series, half of which hide a short pulse: the seed's "detect a pattern in a noisy
/// signal" task (an ECG beat in a recording), for 1-D convolutions.
///
/// Every series has `length` steps of a slow random wave (a sine of random frequency, phase
/// and amplitude up to `waveAmplitude`) plus Gaussian noise of standard deviation `noise`.
/// In the series labelled 1, a pulse — a sharp spike with a small dip on each side, 9 steps
/// wide, like an ECG's QRS complex — of height 1.5 to 2 is added at a random position. A dense
/// network sees the pulse at a different place in every series; a convolution's shared
/// weights find it anywhere.
///
/// ```swift
/// let (x, y) = try PulseSeries.generate(count: 2000, seed: 0)   // x [2000, 128, 1], y [2000] in {0, 1}
/// ```
public enum PulseSeries {
    /// The pulse's shape, 9 steps, peak 1.
    public static let pulse: [Float] = [0, -0.15, -0.3, 0.35, 1, 0.35, -0.3, -0.15, 0]

    /// Series of shape `[count, length, 1]` and labels of shape `[count]` (1 where a pulse was
    /// added, for half the series, at random), in random order; the same arguments and `seed`
    /// give the same data.
    ///
    /// - Throws: `DataError.invalidArgument` for a count below 2, a length shorter than the
    ///   pulse, or a negative or non-finite noise or wave amplitude.
    public static func generate(
        count: Int, length: Int = 128, noise: Float = 0.3, waveAmplitude: Float = 0.5, seed: UInt64
    ) throws -> (series: Tensor, labels: Tensor) {
        let operation = "PulseSeries.generate"
        try GeneratedSamples.require(count >= 2, operation: operation, argument: "count", expected: "at least 2", received: "\(count)")
        try GeneratedSamples.require(length >= pulse.count, operation: operation, argument: "length",
                                     expected: "at least the pulse's \(pulse.count) steps", received: "\(length)")
        for (argument, value) in [("noise", noise), ("waveAmplitude", waveAmplitude)] {
            try GeneratedSamples.require(value >= 0 && value.isFinite, operation: operation, argument: argument,
                                         expected: "a finite number ≥ 0", received: "\(value)")
        }
        var generator = RandomGenerator(seed: seed)
        var rows = GeneratedSamples(featureCount: length, capacity: count)
        for index in 0..<count {
            let hasPulse = index % 2 == 1
            let frequency = Double.random(in: 0.5...3, using: &generator) * 2 * .pi / Double(length)
            let phase = Double.random(in: 0..<(2 * .pi), using: &generator)
            let amplitude = Float.random(in: 0...waveAmplitude, using: &generator)
            var series = GeneratedSamples.normals(length, standardDeviation: noise, using: &generator)
            for step in 0..<length { series[step] += amplitude * Float(sin(frequency * Double(step) + phase)) }
            if hasPulse {
                let start = Int.random(in: 0...(length - pulse.count), using: &generator)
                let height = Float.random(in: 1.5...2, using: &generator)
                for (offset, value) in pulse.enumerated() { series[start + offset] += height * value }
            }
            rows.append(series, label: hasPulse ? 1 : 0)
        }
        let (features, labels) = rows.shuffledTensors(using: &generator)
        return (try features.reshaped(to: [count, length, 1]), labels)
    }
}
