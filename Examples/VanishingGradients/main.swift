// The seed program `vanishingGradients` (Examples/SeedPrograms/VanishingGradients.swift): a deep sigmoid stack
// against ReLU + He (+ batch norm), with the gradient-norm diagnostics that show why; trains, reports, and exits
// with status 1 when its stated target is missed.
//
//     swift run -c release VanishingGradients
import Foundation
import SeedPrograms

let report = try vanishingGradients()
print(report.text)
exit(report.metTarget ? 0 : 1)
