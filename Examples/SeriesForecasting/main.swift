// The seed program `seriesForecasting` (Examples/SeedPrograms/SeriesForecasting.swift): Conv1D + LSTM forecasting a noisy
// mixture of sines one step ahead, against repeating the last value; exits with status 1 when
// its stated target is missed.
//
//     swift run -c release SeriesForecasting
import Foundation
import SeedPrograms

let report = try seriesForecasting(verbose: 1)
print(report.text)
exit(report.metTarget ? 0 : 1)
