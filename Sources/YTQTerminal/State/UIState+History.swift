import YTQCore

extension UIState {
    /// The URLs this user added, read from the store (`.loadURLHistory`), newest first.
    public mutating func replaceURLHistory(_ urls: [String]) {
        urlHistory.replace(with: urls)
    }

    /// ↑ ↓ in the URL field: the field shows a copy of an older or newer URL; below the
    /// newest, what was typed before comes back.
    mutating func recallURL(older: Bool) {
        let recalled = older ? urlHistory.older(than: url.text) : urlHistory.newer()
        if let recalled {
            url.set(recalled)
        } else if older {
            say(urlHistory.urls.isEmpty ? "No URLs in the history yet" : "That is the oldest URL you added")
        }
    }

    /// Entering the URL field reads the history again (another ytq may have added URLs).
    func focusEffects(from before: FocusArea) -> [UIEffect] {
        focus == .form && before != .form ? [.loadURLHistory] : []
    }
}
