// The seed program `residualDigits` (Examples/SeedPrograms/ResidualDigits.swift): a small ResNet drawn with the
// functional API, trained on MNIST; reports, and exits with status 1 when its stated target is missed.
//
//     SYNAPSE_DATA=../shared/datasets swift run -c release ResidualDigits
import Foundation
import SeedPrograms

let report = try residualDigits(verbose: 1)
print(report.text)
exit(report.metTarget ? 0 : 1)
