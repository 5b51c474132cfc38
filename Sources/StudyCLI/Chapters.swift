import GANCore
import ValueFunction

/// Every chapter's demo, in reading order.
public var chapterDemos: [any ChapterDemo.Type] {
    [
        ValueFunctionDemo.self,
    ]
}
