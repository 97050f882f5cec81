// The seed program `convolutionalDigits` (Examples/SeedPrograms/ConvolutionalDigits.swift): the seed CNN on MNIST;
// trains, reports, and exits with status 1 when its stated target is missed.
//
//     swift run -c release ConvolutionalDigits
import Foundation
import SeedPrograms

let report = try convolutionalDigits(verbose: 1)
print(report.text)
exit(report.metTarget ? 0 : 1)
