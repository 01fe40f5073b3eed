import Foundation
import Testing
import YTQCore
@testable import YTQCommands

/// `ytq show`'s text.
@Suite("ytq show text")
struct TaskDetailsTests {
    @Test("a task's notes are lines of their own, made safe for the terminal")
    func notes() {
        var task = DownloadTask(
            id: 3, userID: 1000, ipAddress: "local", videoURL: "https://example.com/v", format: .preset(.p480),
            status: .completed, filePath: "/d/v.mp4", createdAt: Date(timeIntervalSince1970: 0), updatedAt: Date(timeIntervalSince1970: 60))
        task.metaData[DownloadTask.notesKey] = .array([.string("480p asked, 720p is the smallest available"), .string("odd\u{1B}[2J")])
        let lines = TaskDetails(task: task).render().split(separator: "\n")
        #expect(lines.contains("note:      480p asked, 720p is the smallest available"))
        #expect(lines.contains { $0.hasPrefix("note:") && $0.contains("odd") && !$0.contains("\u{1B}") })
    }
}
