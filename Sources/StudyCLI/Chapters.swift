import AdversarialTraining
import DiscriminatorStep
import Experiments
import GANCore
import GeneratorStep
import OpenDirections
import TheoreticalResults
import ValueFunction

/// Every chapter's demo, in reading order.
public var chapterDemos: [any ChapterDemo.Type] {
    [
        ValueFunctionDemo.self,
        DiscriminatorStepDemo.self,
        GeneratorStepDemo.self,
        AdversarialTrainingDemo.self,
        TheoreticalResultsDemo.self,
        ExperimentsDemo.self,
        OpenDirectionsDemo.self,
    ]
}
