// The seed program `deepClassifier` (Examples/SeedPrograms/DeepClassifier.swift): batch normalisation and dropout
// on generated data; trains, reports, and exits with status 1 when its stated target is missed.
//
//     swift run -c release DeepClassifier
import Foundation
import SeedPrograms

let report = try deepClassifier(verbose: 1)
print(report.text)
exit(report.metTarget ? 0 : 1)
