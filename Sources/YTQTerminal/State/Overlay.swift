/// A view drawn over the main screen, which takes the keys while it is open.
public enum Overlay: Sendable, Equatable {
    case none
    case help
    /// Every field of one task.
    case details(taskID: Int64)
    /// "Quit while downloads run?"
    case confirmQuit
    /// "Remove this task, and its file?"
    case confirmRemove(taskID: Int64)
    /// "Cancel this task and delete what it downloaded?"
    case confirmCancel(taskID: Int64)
    /// "Queue these pasted URLs?" (the first is added at once, the rest after it).
    case confirmQueueMany(urls: [String])
    /// "#12 already downloaded this URL: download it again?"
    case confirmDuplicate(DuplicateOffer)
}

/// The areas of the main screen that Tab moves the focus between.
public enum FocusArea: String, Sendable, CaseIterable {
    /// The URL field.
    case form
    /// The format chooser.
    case format
    /// The task list.
    case list
}
