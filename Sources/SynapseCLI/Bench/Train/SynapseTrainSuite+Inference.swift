import Synapse

extension SynapseTrainSuite {
    /// W4: single-sample latency of the W1 model, by `model(x)` (`call_latency`) and by
    /// `model.predict(x)` (`predict_latency`); each call's first output is read back.
    ///
    /// - Returns: the sum of the outputs read.
    func measureLatency(of model: Sequential, rep: Int, report: (TrainResult) -> Void) throws -> Float {
        var generator = RandomGenerator(seed: SynapseTrainSuite.seed + 1)
        let x = try Tensor.randomNormal(Shape([1] + sizes.w1.sampleShape.dimensions), using: &generator)
        let calls = sizes.latencyCalls, warmUp = sizes.latencyWarmUpCalls
        let call = try Stopwatch.callSeconds(calls: calls, warmUpCalls: warmUp) {
            try model(x).withUnsafeBufferPointer { $0[0] }
        }
        report(TrainRecord(workload: .w4, metric: "call_latency", rep: rep, threads: threads)
            .latency(seconds: call.seconds, call: "model(x)"))
        let predict = try Stopwatch.callSeconds(calls: calls, warmUpCalls: warmUp) {
            try model.predict(x).withUnsafeBufferPointer { $0[0] }
        }
        report(TrainRecord(workload: .w4, metric: "predict_latency", rep: rep, threads: threads)
            .latency(seconds: predict.seconds, call: "model.predict(x)"))
        return call.checksum + predict.checksum
    }

    /// W5: the W2 model's outputs for `inferenceSamples` samples by `model.predict` in batches
    /// of `inferenceBatchSize`; one untimed pass, then `inferenceRepetitions` timed ones.
    ///
    /// - Returns: the sum of the outputs read.
    func measureInference(of model: Sequential, rep: Int, report: (TrainResult) -> Void) throws -> Float {
        var generator = RandomGenerator(seed: SynapseTrainSuite.seed + 2)
        let x = try Tensor.randomNormal(Shape([sizes.inferenceSamples] + sizes.w2.sampleShape.dimensions), using: &generator)
        let batchSize = sizes.inferenceBatchSize
        let outputShape = [sizes.inferenceSamples, sizes.w2.classes]
        let clock = ContinuousClock(), processorStart = ProcessUsage.processorSeconds, start = clock.now
        let passes = try Stopwatch.callSeconds(calls: sizes.inferenceRepetitions, warmUpCalls: 1) {
            let output = try model.predict(x, batchSize: batchSize)
            guard output.shape.dimensions == outputShape else {
                throw BenchError("W5: predict returned shape \(output.shape), expected \(outputShape)")
            }
            return output.withUnsafeBufferPointer { $0[0] }
        }
        // Processor time per wall second over every pass, the untimed one included.
        let coresBusy = (ProcessUsage.processorSeconds - processorStart) / Stopwatch.seconds(clock.now - start)
        report(TrainRecord(workload: .w5, metric: "infer_throughput", rep: rep, threads: threads)
            .inference(seconds: passes.seconds, samples: sizes.inferenceSamples, batchSize: batchSize,
                       call: "model.predict(x, batchSize: \(batchSize))",
                       trailing: ["cpu_per_wall": .rounded(coresBusy, places: 2)]))
        return passes.checksum
    }
}
