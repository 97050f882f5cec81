import Foundation
import Synapse

/// Forecasting a noisy signal one step ahead with a Conv1D + LSTM network, against the naive
/// forecast that repeats the last value.
///
/// Data (`SineMixture`): 6000 steps of three sines (periods 24, 61 and 150 steps) plus Gaussian
/// noise (σ 0.1); the first 80 % of the series for training, the rest for testing, each cut into
/// windows of 48 steps whose target is the next value. Model: Conv1D 16×5 relu → LSTM 32 →
/// Dense 1; mean squared error, Adam 3e-3, 20 epochs, batch 64. Target: test RMSE at most
/// 0.75 × the naive forecast's.
public func seriesForecasting(seed: UInt64 = 5, verbose: Verbosity = 0, log: (String) -> Void = { print($0) }) throws -> SeedReport {
    let series = try SineMixture.generate(length: 6000, periods: [24, 61, 150], noise: 0.1, seed: seed)
    let cut = 4800
    let (x, y) = try forecastingWindows(Array(series[..<cut]), length: 48)
    let (xTest, yTest) = try forecastingWindows(Array(series[cut...]), length: 48)
    let model = Sequential(name: "forecaster", seed: seed) {
        Input(shape: [48, 1])
        Conv1D(16, kernelSize: 5, activation: .relu)
        LSTM(32)
        Dense(1)
    }
    log(model.summary())
    model.compile(optimizer: Adam(learningRate: 3e-3), loss: .meanSquaredError())
    let seconds = try secondsElapsed { try model.fit(x, y, epochs: 20, batchSize: 64, verbose: verbose, seed: seed) }
    let predictions = try model.predict(xTest)
    let lastValues = try xTest.sliced([0..<xTest.shape[0], 47..<48]).reshaped(to: [xTest.shape[0], 1])
    func rmse(_ forecast: Tensor) throws -> Double { Double(try ((forecast - yTest) * (forecast - yTest)).mean().scalars[0]).squareRoot() }
    let (modelError, naiveError) = (try rmse(predictions), try rmse(lastValues))
    log(String(format: "test RMSE: Conv1D + LSTM %.4f, repeating the last value %.4f (noise σ 0.1); %.1f s of training", modelError, naiveError, seconds))
    return SeedReport(
        name: "forecast",
        figures: [("test_rmse_model", modelError), ("test_rmse_last_value", naiveError), ("ratio_to_last_value", modelError / naiveError),
                  ("training_seconds", seconds)],
        target: "test RMSE ≤ 0.75 × the last-value forecast's", metTarget: modelError <= 0.75 * naiveError)
}
