import Foundation
import GRDB
import Testing
import YTQCore
import YTQTestSupport
@testable import YTQStore

/// A playlist's entries in the store: fenced by the run's claim, read with their task, gone
/// with it, and counted by the one rule for deleting files.
@Suite("Playlist entries in the store")
struct TaskEntriesTests {
    let me = ProcessIdentity(pid: 100, startTime: 1)
    let owner = Requester(userID: 1000)

    private func claimed() async throws -> (AppDatabase, TaskClaim) {
        let database = try AppDatabase.inMemory()
        _ = try await database.createTask(try DownloadRequest(url: "https://example.com/list"), by: owner, limits: .default)
        let task = try #require(try await database.claimNextTask(owner: me, systemLimit: 10))
        return (database, try #require(task.claim))
    }

    @Test("the first entry records the others as pending; each is read back in order with its task")
    func recordsInOrder() async throws {
        let (database, claim) = try await claimed()
        #expect(try await database.recordEntryStarted(claim, TaskEntry(index: 1, videoID: "a", title: "One"), total: 3))
        #expect(try await database.recordEntryCompleted(claim, index: 1, filePath: "/d/one.mp4", size: 10))
        #expect(try await database.recordEntryStarted(claim, TaskEntry(index: 2, title: "Two"), total: nil))
        #expect(try await database.recordEntriesFailed(claim, [2: "HTTP Error 404", 1: "ignored: completed"]))
        let entries = try await database.entries(of: claim.taskID)
        #expect(entries.map(\.index) == [1, 2, 3])
        #expect(entries.map(\.status) == [.completed, .failed, .pending])
        #expect(entries[0] == TaskEntry(index: 1, videoID: "a", title: "One", status: .completed, filePath: "/d/one.mp4", size: 10))
        #expect(entries[1].error == "HTTP Error 404")
        #expect(try await database.task(id: claim.taskID)?.entries == entries)
        let page = try await database.taskPage(limit: 10, visibleTo: owner, systemLimit: 10)
        #expect(page.tasks.first?.entries.progressLabel == "1/3")
        #expect(entries.unfinishedIndices == [2, 3])
    }

    @Test("a lost claim writes no entry")
    func fenced() async throws {
        let (database, claim) = try await claimed()
        _ = try await database.cancelTask(id: claim.taskID, by: owner, limits: .default)
        #expect(try await database.recordEntryStarted(claim, TaskEntry(index: 1), total: 5) == false)
        #expect(try await database.recordEntryCompleted(claim, index: 1, filePath: "/d/x", size: 1) == false)
        #expect(try await database.entries(of: claim.taskID).isEmpty)
    }

    @Test("an entry's file counts as its task's for the deletion rule, and the entries go with the task")
    func filesAndRemoval() async throws {
        let (database, claim) = try await claimed()
        _ = try await database.recordEntryStarted(claim, TaskEntry(index: 1), total: 1)
        _ = try await database.recordEntryCompleted(claim, index: 1, filePath: "/d/shared.mp4", size: 1)
        #expect(try await database.taskCount(withFilePath: "/d/shared.mp4", excluding: 999) == 1)
        #expect(try await database.taskCount(withFilePath: "/d/shared.mp4", excluding: claim.taskID) == 0)
        _ = try await database.cancelTask(id: claim.taskID, by: owner, limits: .default)
        _ = try await database.removeTask(id: claim.taskID, by: owner, limits: .default)
        #expect(try await database.entries(of: claim.taskID).isEmpty)
    }
}
