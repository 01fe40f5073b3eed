import Foundation
import GRDB
import Testing
import YTQCore
import YTQTestSupport
@testable import YTQStore

@Suite("createTask under concurrency (in-process, separate connections)")
struct ConcurrentCreateTests {
    @Test("many simultaneous requests from separate connections never exceed the limits")
    func race() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.file("ytq.sqlite")
        _ = try await AppDatabase.open(path: path)
        let limits = ConcurrencyLimits.default
        // 40 requests from 8 users, each through its own pool (its own SQLite connection).
        let outcomes = try await withThrowingTaskGroup(of: Bool.self) { group in
            for index in 0..<40 {
                group.addTask {
                    let database = try await AppDatabase.open(path: path)
                    let requester = Requester(userID: 5000 + index % 8)
                    do {
                        _ = try await database.createTask(try DownloadRequest(url: "https://example.com/\(index)"), by: requester, limits: limits)
                        return true
                    } catch ActionError.refused {
                        return false
                    }
                }
            }
            return try await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        let database = try await AppDatabase.open(path: path)
        let tasks = try await database.tasks()
        #expect(outcomes.filter { $0 }.count == tasks.count)
        #expect(tasks.count == 8, "one per user, 8 users, under the system limit of 10")
        #expect(Set(tasks.compactMap(\.userID)).count == 8)
    }
}
