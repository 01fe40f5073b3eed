import Testing
@testable import YTQCore

@Suite("Requester")
struct RequesterTests {
    @Test("takes the SSH client address from SSH_CONNECTION, then SSH_CLIENT")
    func sshAddress() {
        #expect(Requester.current(uid: 1000, environment: ["SSH_CONNECTION": "192.0.2.7 51234 192.0.2.1 22"]).ipAddress == "192.0.2.7")
        #expect(Requester.current(uid: 1000, environment: ["SSH_CLIENT": "2001:db8::5 51234 22"]).ipAddress == "2001:db8::5")
        #expect(Requester.current(uid: 1000, environment: [:]) == Requester(userID: 1000, ipAddress: "127.0.0.1"))
    }

    @Test("ignores a garbled SSH variable")
    func garbled() {
        #expect(Requester.current(uid: nil, environment: ["SSH_CONNECTION": "'; DROP TABLE x; 1 2 3"]).ipAddress == "127.0.0.1")
    }

    @Test("labels by uid, else by address")
    func label() {
        #expect(Requester(userID: 1000).label == "uid 1000")
        #expect(Requester(userID: nil, ipAddress: "192.0.2.7").label == "192.0.2.7")
    }
}
