import Foundation
import Testing
import YTQClient
import YTQCore
import YTQTestSupport

/// A real `ytq serve` (the built binary, a fake yt-dlp) on a socket in a temp folder, and
/// `ServiceClient` talking to it: the client must behave as `TaskActions` does in process —
/// the same tasks, the same typed refusals — and the service must stop cleanly on SIGTERM.
@Suite("ServiceClient against a real ytq serve")
struct ServiceClientTests {
    /// A running service and its client; `stop()` ends it and removes the folder.
    struct Served {
        let dir: TemporaryDirectory
        let server: ChildProcess
        let client: ServiceClient
        let socket: String

        init() async throws {
            dir = try TemporaryDirectory("serve-client")
            socket = dir.file("run/ytq.sock")
            let environment = YTQBinary.isolatedEnvironment(home: dir.path, extra: ["YTQ_SYSTEM_CONFIG": "/dev/null"])
            server = try ChildProcess(
                [YTQBinary.path, "serve", "--socket", socket, "--state-dir", dir.file("state"), "--yt-dlp", TestFixtures.fakeYtDlp],
                environment: environment, stdout: .file(dir.file("serve.out")), stderr: .file(dir.file("serve.err")))
            client = ServiceClient(socketPath: socket)
            let socket = socket
            _ = await eventually("the service listens on \(socket)") { ServiceClientTests.answers(socket) }
        }

        func stop() async -> Int32 {
            server.signal(SIGTERM)
            let status = await server.wait()
            dir.remove()
            return status
        }
    }

    static func answers(_ socket: String) -> Bool {
        UnixSocketProbe.problem(connecting: socket) == nil
    }

    let me = Requester(userID: Int(getuid()))

    @Test("add, list, show, cancel and the per-user refusal cross the socket typed")
    func actions() async throws {
        let served = try await Served()
        let client = served.client
        let first = try await client.add(url: "https://fake.test/video/hang", format: "720p", by: me)
        #expect(first.id == 1 && first.status == .pending && first.format == .preset(.p720))
        await #expect(throws: ActionError.self) { try await client.add(url: "ftp://nope", format: nil, by: me) }
        do {
            _ = try await client.add(url: "https://fake.test/video/other", format: nil, by: me)
            Issue.record("a second active download got through the service")
        } catch {
            guard case .refused(.perUserLimitReached(_, let limit, let blocking)) = error else {
                Issue.record("not the per-user refusal: \(error)")
                return
            }
            #expect(limit == 1 && blocking.id == 1)
        }
        let queued = try await client.add(url: "https://fake.test/video/later", format: nil, by: me, whenBusy: .queue)
        #expect(queued.status == .queued)
        #expect(try await client.queuePlaces(of: [queued], by: me) == [queued.id: 1])
        #expect(try await client.list(status: nil, limit: nil, before: nil, by: me).map(\.id) == [2, 1])
        #expect(try await client.show(id: 1, by: me).videoURL == "https://fake.test/video/hang")
        await #expect(throws: ActionError.notFound(taskID: 99)) { try await client.show(id: 99, by: me) }
        let page = try await client.page(filter: .text("later"), limit: 10, by: me)
        #expect(page.tasks.map(\.id) == [2] && page.everyone?.limit == 10)
        _ = await eventually("the fake yt-dlp runs") { try await client.show(id: 1, by: me).status == .downloading }
        #expect(try await client.cancel(id: 1, by: me).status == .cancelled)
        // The slot freed: the queued task is admitted.
        _ = await eventually("the queued task starts") { try await client.show(id: 2, by: me).status != .queued }
        let removal = try await client.remove(id: 1, deleteFile: false, by: me)
        #expect(removal.task.id == 1)
        #expect(await served.stop() == 0)
    }

    @Test("the event stream opens with a change, then carries the user's events with their tasks")
    func events() async throws {
        let served = try await Served()
        let stream = served.client.events(by: me)
        var iterator = stream.makeAsyncIterator()
        #expect(await iterator.next() == .changed(taskID: 0))
        let task = try await served.client.add(url: "https://fake.test/video/success", format: nil, by: me)
        var seen: [DownloadEvent.Kind] = []
        while let event = await iterator.next() {
            seen.append(event.kind)
            if event.kind == .completed {
                #expect(event.task?.id == task.id && event.task?.status == .completed)
                break
            }
        }
        #expect(seen.contains(.started) && seen.contains(.completed))
        #expect(await served.stop() == 0)
    }

    @Test("a socket nobody serves, missing or left behind: the action says the service is unreachable, why, and how to check")
    func unreachable() async throws {
        let dir = try TemporaryDirectory("serve-none")
        defer { dir.remove() }
        // The client's own timeout is far beyond the test's patience: the answer must come
        // from the failed connection, not from waiting it out.
        var client = ServiceClient(socketPath: dir.file("ytq.sock"))
        client.timeout = .seconds(3600)
        await expectUnreachable(client, saying: "it does not exist")
        // A socket file a dead service left: bound, nobody listening.
        let left = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(left) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            for (index, byte) in dir.file("ytq.sock").utf8.enumerated() { buffer[index] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(left, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        #expect(bound == 0)
        await expectUnreachable(client, saying: "Connection refused")
    }

    private func expectUnreachable(_ client: ServiceClient, saying reason: String) async {
        do {
            _ = try await client.list(status: nil, limit: nil, before: nil, by: me)
            Issue.record("listed through a socket nobody serves")
        } catch {
            guard case .service(let kind, let message) = error else {
                Issue.record("\(error)")
                return
            }
            #expect(kind == "unreachable" && message.contains("ytq serve") && message.contains(client.socketPath), "\(message)")
            #expect(message.contains(reason), "\(message)")
        }
    }

    @Test("the screen and a command with no service behind the socket: exit 1, saying so, before touching the terminal")
    func screenWithoutService() async throws {
        let dir = try TemporaryDirectory("serve-none-cli")
        defer { dir.remove() }
        let environment = YTQBinary.isolatedEnvironment(
            home: dir.path, extra: ["YTQ_SYSTEM_CONFIG": "/dev/null", "YTQ_SERVER": dir.file("ytq.sock")])
        for arguments in [[], ["list"], ["add", "https://example.com/v"]] {
            let result = try await YTQBinary.run(arguments, environment: environment)
            #expect(result.status == 1, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains("cannot reach the shared queue at \(dir.file("ytq.sock"))"), "\(arguments): \(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: dir.file("data/ytq")), "a client made a database of its own")
        }
    }
}
