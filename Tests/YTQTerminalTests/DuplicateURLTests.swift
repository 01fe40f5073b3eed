import Foundation
import Testing
import YTQCore
@testable import YTQTerminal

/// A URL that one of the user's tasks has already (done, running, queued) is pointed out
/// before it is downloaded again.
@Suite("Duplicate URLs")
struct DuplicateURLTests {
    let size = TerminalSize(columns: 80, rows: 24)
    let url = "https://videos.example.com/watch?v=clip8"

    func asked(about existing: DownloadTask) -> (UIState, DownloadRequest) {
        var state = UIState(size: size, clock: Fixtures.now)
        state.handle(url.map(Key.char))
        let request = try! DownloadRequest(url: url, format: .preset(.default))
        #expect(state.handle(.enter) == [.checkDuplicate(request)])
        #expect(state.duplicateChecked(request, existing: existing).isEmpty)
        return (state, request)
    }

    @Test("no task has the URL: the request goes ahead")
    func fresh() throws {
        var state = UIState(size: size, clock: Fixtures.now)
        let request = try DownloadRequest(url: url, format: .preset(.default))
        #expect(state.duplicateChecked(request, existing: nil) == [.submit(request, whenBusy: .refuse)])
        #expect(state.overlay == .none)
    }

    @Test("a finished task with the URL: the box names it and its file; y downloads again")
    func downloaded() throws {
        let done = try #require(Fixtures.tasks.first { $0.id == 8 })
        var (state, request) = asked(about: done)
        guard case .confirmDuplicate(let offer) = state.overlay else {
            Issue.record("no question: \(state.overlay)")
            return
        }
        #expect(offer.question == "#8 already downloaded this (file: /home/ada/Downloads/ytq/Big Buck Bunny 4K [aqz-KE-bpKQ].mp4). Download it again?")
        let text = RootView.render(state, now: Fixtures.now, zone: .utc).text
        #expect(text.contains("Download again?") && text.contains("#8 already downloaded this"), "\(text)")
        #expect(text.contains("y download it again") && text.contains("n keep the URL"), "\(text)")
        #expect(state.keyContext == .confirmDuplicate)
        #expect(state.visibleStatus?.text == "#8 has this URL already: y adds it again, n keeps it in the field",
                "not \"Adding …\" while the question waits: \(String(describing: state.visibleStatus))")
        #expect(state.handle(.char("y")) == [.submit(request, whenBusy: .refuse)])
        #expect(state.overlay == .none)
    }

    @Test("n, Esc and Enter keep the URL in the field and add nothing")
    func keep() {
        for key in [Key.char("n"), .escape, .enter] {
            var (state, _) = asked(about: Fixtures.task(3, .queued, title: nil, url: url, created: 1))
            #expect(state.handle(key).isEmpty)
            #expect(state.overlay == .none)
            #expect(state.url.text == url)
            #expect(state.statusMessage?.text == "Not added: #3 has this URL already; it stays in the field", "\(String(describing: state.statusMessage))")
        }
    }

    @Test("the question says when the task runs or waits")
    func running() {
        let (state, _) = asked(about: Fixtures.task(3, .downloading, title: nil, url: url, created: 1))
        #expect(ConfirmView.content(state).1 == "#3 is downloading this now. Download it again?")
        let (queued, _) = asked(about: Fixtures.task(4, .queued, title: nil, url: url, created: 1))
        #expect(ConfirmView.content(queued).1 == "#4 is queued to download this. Download it again?")
    }

    @Test("the task named: exactly the URL, a running or waiting one before a finished one, failed and cancelled ones not")
    func choice() {
        let tasks = [
            Fixtures.task(9, .failed, title: nil, url: url, created: 1),
            Fixtures.task(8, .completed, title: nil, url: url, created: 2),
            Fixtures.task(7, .queued, title: nil, url: url, created: 3),
            Fixtures.task(6, .downloading, title: nil, url: url + "&t=1", created: 4),
            Fixtures.task(5, .completed, title: nil, url: url, created: 5),
        ]
        #expect(DuplicateOffer.existing(among: tasks, url: url)?.id == 7)
        #expect(DuplicateOffer.existing(among: Array(tasks.prefix(2)), url: url)?.id == 8)
        #expect(DuplicateOffer.existing(among: [tasks[0], tasks[3]], url: url) == nil)
    }
}

extension DuplicateURLTests {
    @Test("Enter again while the URL is on its way adds nothing more; once it is in, or refused, Enter works again")
    func enterTwice() throws {
        var state = UIState(size: size, clock: Fixtures.now)
        state.handle(url.map(Key.char))
        let request = try DownloadRequest(url: url, format: .preset(.default))
        #expect(state.handle(.enter) == [.checkDuplicate(request)])
        #expect(state.handle(.enter).isEmpty, "a second Enter before the first add answered")
        #expect(state.statusMessage?.text == "Already adding \(url)…")
        #expect(state.duplicateChecked(request, existing: nil) == [.submit(request, whenBusy: .refuse)])
        #expect(state.handle(.enter).isEmpty, "nor while the add itself is under way")
        // The store refused it: the URL stays in the field, and Enter tries again.
        state.submissionFailed("the service is away")
        #expect(state.handle(.enter) == [.checkDuplicate(request)])
        // Added: the field empties, and the same URL typed again is a new request.
        state.submissionSucceeded(Fixtures.task(40, .pending, title: nil, url: url, created: 1))
        state.handle(url.map(Key.char))
        #expect(state.handle(.enter) == [.checkDuplicate(request)])
    }
}
