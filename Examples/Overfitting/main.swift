// The seed program `overfitting` (Examples/SeedPrograms/Overfitting.swift): overfitting, then dropout, L2 and early
// stopping; trains, reports, and exits with status 1 when its stated target is missed.
//
//     swift run -c release Overfitting
import Foundation
import SeedPrograms

let report = try overfitting()
print(report.text)
exit(report.metTarget ? 0 : 1)
