// The seed program `pulseDetection` (Examples/SeedPrograms/PulseDetection.swift): Conv1D against a dense network on
// noisy series; trains, reports, and exits with status 1 when its stated target is missed.
//
//     swift run -c release PulseDetection
import Foundation
import SeedPrograms

let report = try pulseDetection(verbose: 1)
print(report.text)
exit(report.metTarget ? 0 : 1)
