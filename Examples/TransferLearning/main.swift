// The seed program `transferLearning` (Examples/SeedPrograms/TransferLearning.swift): a CNN's frozen base reused
// for new digits from 500 examples, fine-tuned, and compared with training from scratch; exits with status 1 when
// its stated target is missed.
//
//     SYNAPSE_DATA=../shared/datasets swift run -c release TransferLearning
import Foundation
import SeedPrograms

let report = try transferLearning()
print(report.text)
exit(report.metTarget ? 0 : 1)
