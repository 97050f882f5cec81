import Foundation
import SynapseTensor

/// A long noisy series made of a few sines, for forecasting demos: at step t,
/// `Σᵢ aᵢ · sin(2π t / periodᵢ + φᵢ) + noise`, amplitudes `aᵢ` in [0.5, 1) and phases `φᵢ` drawn
/// from the seed, Gaussian noise of standard deviation `noise`.
///
/// ```swift
/// let series = try SineMixture.generate(length: 6000, periods: [24, 61, 150], noise: 0.1, seed: 0)
/// ```
public enum SineMixture {
    /// `length` values of the mixture; the same arguments and `seed` give the same series.
    ///
    /// - Throws: `DataError.invalidArgument` for a length below 1, no periods, a period that is
    ///   not above 0, or a negative or non-finite noise.
    public static func generate(length: Int, periods: [Double], noise: Float, seed: UInt64) throws -> [Float] {
        let operation = "SineMixture.generate"
        try GeneratedSamples.require(length >= 1, operation: operation, argument: "length", expected: "at least 1", received: "\(length)")
        try GeneratedSamples.require(!periods.isEmpty && periods.allSatisfy { $0 > 0 && $0.isFinite }, operation: operation,
                                     argument: "periods", expected: "one or more finite periods above 0", received: "\(periods)")
        try GeneratedSamples.require(noise >= 0 && noise.isFinite, operation: operation, argument: "noise",
                                     expected: "a finite number ≥ 0", received: "\(noise)")
        var generator = RandomGenerator(seed: seed)
        let waves = periods.map { period in
            (amplitude: Double.random(in: 0.5..<1, using: &generator), phase: Double.random(in: 0..<(2 * .pi), using: &generator), period: period)
        }
        var series = GeneratedSamples.normals(length, standardDeviation: noise, using: &generator)
        for step in 0..<length {
            var value = 0.0
            for wave in waves { value += wave.amplitude * sin(2 * Double.pi * Double(step) / wave.period + wave.phase) }
            series[step] += Float(value)
        }
        return series
    }
}
