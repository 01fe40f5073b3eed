/// What the screen does beyond drawing when a download finishes or fails, and while
/// downloads run: each can be turned off in the config file (`bell`, `desktop_notifications`,
/// `window_title`).
public struct ScreenSignals: Sendable, Equatable {
    /// Ring the terminal bell.
    public var bell: Bool
    /// Send a desktop notification through the terminal (OSC 9 and OSC 777, which tmux,
    /// kitty, iTerm2, WezTerm and foot pass on).
    public var desktopNotifications: Bool
    /// Set the window title to the overall progress.
    public var windowTitle: Bool

    public init(bell: Bool = true, desktopNotifications: Bool = true, windowTitle: Bool = true) {
        self.bell = bell
        self.desktopNotifications = desktopNotifications
        self.windowTitle = windowTitle
    }
}
