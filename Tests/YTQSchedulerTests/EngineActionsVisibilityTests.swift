import Foundation
import Testing
import YTQCore
import YTQTestSupport
@testable import YTQScheduler
@testable import YTQStore

/// What each requester may see through `EngineActions`: their own tasks; everyone's for root
/// and an administrator; others' only as the page's slot counts.
@Suite("EngineActions: who sees what")
struct EngineActionsVisibilityTests {
    @Test("a user lists, shows and pages only their own tasks; others' reach them as counts")
    func ownTasksOnly() async throws {
        let dir = try TemporaryDirectory("visibility")
        defer { dir.remove() }
        let database = try await AppDatabase.open(path: dir.file("db/ytq.sqlite"))
        var configuration = SchedulerConfiguration(downloadDirectory: dir.file("dl"), partialRoot: dir.file("db/partial"))
        configuration.limits.perUser = 5
        let actions = EngineActions(database: database, configuration: configuration)
        let alice = Requester(userID: 1001), bob = Requester(userID: 1002)
        let secret = try await actions.add(url: "https://example.com/a?token=alice-secret", format: nil, by: alice)
        _ = try await actions.add(url: "https://example.com/a2", format: nil, by: alice, whenBusy: .queue)
        let mine = try await actions.add(url: "https://example.com/b", format: nil, by: bob)

        #expect(try await actions.list(status: nil, limit: nil, before: nil, by: bob).map(\.id) == [mine.id])
        await #expect(throws: ActionError.forbidden(taskID: secret.id, requester: bob)) { try await actions.show(id: secret.id, by: bob) }
        let page = try await actions.page(limit: 50, by: bob)
        #expect(page.tasks.map(\.id) == [mine.id])
        #expect(page.matchingCount == 1 && page.statusCounts == [.pending: 1])
        #expect(page.everyone == SlotCounts(active: 3, waiting: 0, limit: configuration.limits.system))
        #expect(try await actions.page(filter: .text("secret"), limit: 50, by: bob).tasks.isEmpty)
        #expect(try await actions.queuePlaces(of: [secret], by: bob).isEmpty)

        let admin = Requester(userID: 1003, isAdmin: true)
        #expect(try await actions.list(status: nil, limit: nil, before: nil, by: admin).count == 3)
        #expect(try await actions.show(id: secret.id, by: admin).videoURL.contains("alice-secret"))
        #expect(try await actions.page(limit: 50, by: Requester(userID: 0)).tasks.count == 3)
        // An administrator acts on anyone's task.
        #expect(try await actions.cancel(id: secret.id, by: admin).status == .cancelled)
    }

    @Test("shared mode: each user's files go to their own folder in the library")
    func userFolders() {
        var configuration = SchedulerConfiguration(downloadDirectory: "/var/lib/ytq/library", partialRoot: "/var/lib/ytq/partial/x")
        let task = DownloadTask(
            id: 1, userID: 0, ipAddress: "127.0.0.1", videoURL: "https://e.com/v", format: .preset(.best), status: .pending,
            createdAt: Date(), updatedAt: Date())
        #expect(configuration.downloadFolder(for: task) == "/var/lib/ytq/library")
        configuration.perUserFolders = true
        #expect(configuration.downloadFolder(for: task) == "/var/lib/ytq/library/root")
        var stranger = task
        stranger.userID = 4_000_000
        #expect(configuration.downloadFolder(for: stranger) == "/var/lib/ytq/library/uid-4000000")
        #expect(configuration.downloadFolder(for: stranger) == "/var/lib/ytq/library/uid-4000000")
        // yt-dlp's own home is the task's staging folder inside it, on the same filesystem.
        #expect(configuration.invocation(for: stranger).downloadFolder.hasPrefix("/var/lib/ytq/library/uid-4000000/.ytq-incoming/"))
    }
}
