// The seed program `generativeAdversarial` (Examples/SeedPrograms/GenerativeAdversarial.swift): a GAN on MNIST
// trained with a custom loop, judged by the seed CNN; writes a grid of generated digits per epoch to gan-samples/,
// and exits with status 1 when its stated target is missed.
//
//     SYNAPSE_DATA=../shared/datasets swift run -c release GenerativeAdversarial
import Foundation
import SeedPrograms

let report = try generativeAdversarial(sampleDirectory: URL(fileURLWithPath: "gan-samples", isDirectory: true))
print(report.text)
exit(report.metTarget ? 0 : 1)
