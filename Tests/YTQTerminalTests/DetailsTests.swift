import Foundation
import Testing
import YTQCore
@testable import YTQTerminal

/// The details overlay over a page of `.listed` rows: the row's fields at once, the command
/// line and metadata once the loop has read the whole record (`receiveDetails`).
@Suite("Details of a listed row")
struct DetailsTests {
    let size = TerminalSize(columns: 120, rows: 40)

    /// A finished task as the store lists it (no command line; of the metadata, the notes) and whole.
    let whole: DownloadTask = {
        var task = Fixtures.task(4, .completed, title: "Concert", created: 30, updated: 20, file: "/home/ada/Downloads/Concert.mp4",
                                 commandLine: "yt-dlp --newline -f b -- https://videos.example.com/watch?v=clip4")
        task.metaData = ["duration": .number(312), "uploader": .string("Orchestra"), DownloadTask.notesKey: .array([.string("file was there already")])]
        return task
    }()

    var listed: DownloadTask {
        var task = whole
        task.commandLine = nil
        task.metaData = [DownloadTask.notesKey: whole.metaData[DownloadTask.notesKey] ?? .null]
        return task
    }

    func text(_ state: UIState) -> String {
        RootView.render(state, now: Fixtures.now, zone: .utc).text
    }

    func opened(on row: DownloadTask) -> UIState {
        var state = UIState(size: size, clock: Fixtures.now)
        state.replacePage(TaskListPage(tasks: [row]))
        state.focus = .list
        state.handle(.enter)
        return state
    }

    @Test("the row shows at once, its command line as being read and no metadata; the whole record fills them in")
    func readOnOpen() {
        var state = opened(on: listed)
        #expect(state.detailsRow == listed)
        var screen = text(state)
        #expect(screen.contains("Concert") && screen.contains("Note       file was there already"), "\(screen)")
        #expect(screen.contains("Command    reading…"), "\(screen)")
        #expect(!screen.contains("Metadata") && !screen.contains("Orchestra"), "\(screen)")

        state.receiveDetails(whole)
        screen = text(state)
        #expect(screen.contains("Command    yt-dlp --newline -f b -- https://videos.example.com/watch?v=clip4"), "\(screen)")
        #expect(screen.contains("Metadata") && screen.contains("uploader: Orchestra") && screen.contains("duration: 312"), "\(screen)")
    }

    @Test("a newer row keeps the fields the whole record brought, with the row's own status; another task's record is dropped")
    func newerRowAndOtherTask() {
        var state = opened(on: listed)
        state.receiveDetails(whole)
        var newer = listed
        newer.status = .failed
        newer.errorMessage = "the file went away"
        newer.updatedAt = Fixtures.now
        state.replacePage(TaskListPage(tasks: [newer]))
        #expect(state.detailsRow == newer, "the loop asks again: the row changed")
        let shown = try? #require(state.detailsTask(id: 4))
        #expect(shown?.complete == true && shown?.task.status == .failed && shown?.task.commandLine == whole.commandLine)

        var other = whole
        other.id = 99
        var fresh = opened(on: listed)
        fresh.receiveDetails(other)
        #expect(fresh.detailsTask(id: 4)?.complete == false)
        #expect(fresh.wholeTask == nil)
    }

    @Test("with the overlay closed there is nothing to read, and a late answer is dropped; opened again, it is asked again")
    func closed() {
        var state = opened(on: listed)
        #expect(state.askForDetails() == 4)
        state.handle(.escape)
        #expect(state.detailsRow == nil && state.askForDetails() == nil)
        state.receiveDetails(whole)
        #expect(state.wholeTask == nil)
        state.handle(.enter)
        #expect(state.askForDetails() == 4, "each opening asks")
        #expect(state.askForDetails() == nil, "once")
    }

    @Test("asked once per version of the row; a failed read says so until the next ask; an older answer never replaces a newer one")
    func askingPolicy() {
        var state = opened(on: listed)
        #expect(state.askForDetails() == 4)
        #expect(state.askForDetails() == nil)
        state.detailsReadFailed(4)
        var screen = text(state)
        #expect(screen.contains("Command    could not be read (see the status line)"), "\(screen)")
        #expect(state.askForDetails() == nil, "no retry loop on the same row")

        var newer = listed
        newer.updatedAt = Fixtures.now
        state.replacePage(TaskListPage(tasks: [newer]))
        #expect(state.askForDetails() == 4, "the row moved: asked again")
        screen = text(state)
        #expect(screen.contains("Command    reading…"), "\(screen)")

        var fresh = whole
        fresh.updatedAt = Fixtures.now
        fresh.commandLine = "yt-dlp --newline -f b -- second run"
        state.receiveDetails(fresh)
        state.receiveDetails(whole)
        #expect(state.wholeTask?.commandLine == "yt-dlp --newline -f b -- second run", "the older answer came last and was dropped")
    }
}
