// The seed program `activationComparison` (Examples/SeedPrograms/ActivationComparison.swift): seven activations on the
// same network; trains, reports, and exits with status 1 when its stated target is missed.
//
//     swift run -c release ActivationComparison
import Foundation
import SeedPrograms

let report = try activationComparison()
print(report.text)
exit(report.metTarget ? 0 : 1)
