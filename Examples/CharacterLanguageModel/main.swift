// The seed program `characterLanguageModel` (Examples/SeedPrograms/CharacterLanguageModel.swift): a 2-layer LSTM
// learns Tiny Shakespeare character by character, then writes new text; exits with status 1
// when its stated target is missed.
//
//     swift run -c release CharacterLanguageModel            # 15 minutes of training, target < 1.6 nats/char
//     swift run -c release CharacterLanguageModel 4 2.0      # a shorter run and its target (as CI runs it)
import Foundation
import SeedPrograms

let arguments = CommandLine.arguments.dropFirst().compactMap(Double.init)
let report = try characterLanguageModel(minutes: arguments.first ?? 15, targetLoss: arguments.dropFirst().first ?? 1.6, verbose: 1)
print(report.text)
exit(report.metTarget ? 0 : 1)
