import Foundation
import Testing
import YTQClient
import YTQCore
import YTQTestSupport

/// `GET /v1/page` with an order and an exact status filter, through `ServiceClient` and raw:
/// the service orders and filters as the store does, and refuses names it does not know.
@Suite("ytq serve's page: order and status filter")
struct ServicePageTests {
    let me = Requester(userID: Int(getuid()))

    @Test("the page comes in the order asked for, filtered by exact status; unknown names are a bad_query")
    func orderAndFilter() async throws {
        let served = try await ServiceClientTests.Served()
        let client = served.client
        let running = try await client.add(url: "https://fake.test/video/hang", format: nil, by: me)
        var queued: [Int64] = []
        for name in ["one", "two", "three"] {
            queued.append(try await client.add(url: "https://fake.test/video/\(name)", format: nil, by: me, whenBusy: .queue).id)
        }
        let newest = try await client.page(limit: 10, by: me).tasks.map(\.id)
        #expect(newest == queued.reversed() + [running.id])
        // By status: the active task before the queued ones, ties newest first.
        let byStatus = try await client.page(order: .status, limit: 10, by: me).tasks.map(\.id)
        #expect(byStatus == [running.id] + queued.reversed())
        let onlyQueued = try await client.page(filter: .status(.queued), order: .added, limit: 10, by: me)
        #expect(onlyQueued.tasks.map(\.id) == queued.reversed() && onlyQueued.matchingCount == 3)
        #expect(onlyQueued.statusCounts.values.reduce(0, +) == 4, "the counts stay the store's")

        let badOrder = try await Self.get("/v1/page?order=colour", socket: served.socket)
        #expect(badOrder.contains("400") && badOrder.contains("bad_query") && badOrder.contains("no sort order"), "\(badOrder)")
        let badStatus = try await Self.get("/v1/page?filter=status%3Ddone", socket: served.socket)
        #expect(badStatus.contains("400") && badStatus.contains("no status"), "\(badStatus)")
        let text = try await Self.get("/v1/page?filter=status%3Dqueued&order=added", socket: served.socket)
        #expect(text.contains("\"matching_count\":3") || text.contains("\"matchingCount\":3"), "\(text)")
        #expect(await served.stop() == 0)
    }

    @Test("fields=listed pages leave out the command line (the screen's rows); the default is whole; unknown fields are a bad_query")
    func listedFields() async throws {
        let served = try await ServiceClientTests.Served()
        let client = served.client
        let running = try await client.add(url: "https://fake.test/video/hang", format: nil, by: me)
        await eventually("its yt-dlp command line is recorded") { try await client.show(id: running.id, by: me).commandLine != nil }
        let listed = try await client.page(filter: .all, order: .default, offset: 0, limit: 10, fields: .listed, by: me)
        let whole = try await client.page(filter: .all, order: .default, offset: 0, limit: 10, fields: .whole, by: me)
        #expect(listed.tasks.map(\.id) == [running.id] && whole.tasks.map(\.id) == [running.id])
        #expect(listed.tasks.first?.commandLine == nil)
        #expect(whole.tasks.first?.commandLine?.contains("https://fake.test/video/hang") == true)

        let raw = try await Self.get("/v1/page?fields=listed", socket: served.socket)
        #expect(raw.hasSuffix("200") && raw.contains("\"command_line\":null"), "\(raw)")
        let rawWhole = try await Self.get("/v1/page", socket: served.socket)
        #expect(rawWhole.hasSuffix("200") && !rawWhole.contains("\"command_line\":null"), "\(rawWhole)")
        let badFields = try await Self.get("/v1/page?fields=most", socket: served.socket)
        #expect(badFields.hasSuffix("400") && badFields.contains("bad_query") && badFields.contains(#"no fields \"most\": use one of listed, whole"#), "\(badFields)")
        _ = try await client.cancel(id: running.id, by: me)
        #expect(await served.stop() == 0)
    }

    /// The body and status code of a GET on the socket (curl).
    static func get(_ path: String, socket: String) async throws -> String {
        try await ChildProcess.run(
            ["curl", "-sS", "-o", "-", "-w", "\n%{http_code}", "--unix-socket", socket, "http://ytq" + path],
            environment: ["PATH": "/usr/bin:/bin"]).stdout
    }
}

extension ServicePageTests {
    @Test("the bulk commands' walk through a shared queue: every own failed task, page by page, retried, none refused")
    func ownTasks() async throws {
        let served = try await ServiceClientTests.Served()
        let client = served.client
        var ids: [Int64] = []
        for _ in 0..<3 {
            ids.append(try await client.add(url: "https://fake.test/video/fail-404", format: nil, by: me, whenBusy: .queue).id)
        }
        await eventually("the three failed") {
            try await client.list(status: .failed, limit: nil, before: nil, by: me).count == 3
        }
        var seen: [Int64] = []
        var statuses: [DownloadStatus] = []
        try await client.forEachOwnTask(status: .failed, by: me, pageSize: 2) { task in
            seen.append(task.id)
            if let retried = try? await client.retry(id: task.id, by: me, whenBusy: .queue) { statuses.append(retried.status) }
        }
        #expect(seen == ids.reversed())
        // None refused: each started or, while another held the user's one slot, was queued
        // (how many of each depends on how fast the fake yt-dlp fails again).
        #expect(statuses.count == 3 && statuses.allSatisfy { $0 == .pending || $0 == .queued }, "\(statuses)")
        #expect(await served.stop() == 0)
    }
}

extension ServicePageTests {
    @Test("GET /v1/history: the asker's URLs, newest first, each once, as URLs only; a bad limit is a bad_query")
    func urlHistory() async throws {
        let served = try await ServiceClientTests.Served()
        let client = served.client
        for name in ["one", "two", "one"] {
            _ = try await client.add(url: "https://fake.test/video/fail-404?\(name)", format: nil, by: me, whenBusy: .queue)
        }
        #expect(try await client.urlHistory(limit: 10, by: me) == ["one", "two"].map { "https://fake.test/video/fail-404?\($0)" })
        #expect(try await client.urlHistory(limit: 1, by: me) == ["https://fake.test/video/fail-404?one"])
        let raw = try await Self.get("/v1/history?limit=5", socket: served.socket)
        #expect(raw.hasPrefix("{\"urls\":[") && !raw.contains("\"id\""), "\(raw)")
        let bad = try await Self.get("/v1/history?limit=none", socket: served.socket)
        #expect(bad.contains("400") && bad.contains("bad_query"), "\(bad)")
        #expect(await served.stop() == 0)
    }
}
