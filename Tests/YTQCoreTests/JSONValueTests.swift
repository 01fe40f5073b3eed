import Foundation
import Testing
import YTQCore

/// yt-dlp's metadata as ytq keeps it: any JSON, each value of its own kind.
@Suite("JSONValue")
struct JSONValueTests {
    @Test("each value decodes as its own kind: a string of digits stays a string, true and 1 are not each other")
    func kinds() throws {
        let text = #"{"s":"1","n":1,"z":0,"t":true,"f":false,"null":null,"a":[1,"x",false,null],"o":{"g":"h","n":2.5}}"#
        let decoded = try JSONDecoder().decode([String: JSONValue].self, from: Data(text.utf8))
        let expected: [String: JSONValue] = [
            "s": .string("1"), "n": .number(1), "z": .number(0), "t": .bool(true), "f": .bool(false), "null": .null,
            "a": .array([.number(1), .string("x"), .bool(false), .null]),
            "o": .object(["g": .string("h"), "n": .number(2.5)]),
        ]
        #expect(decoded == expected)
    }

    @Test("what ytq writes reads back the same, through ytq's own JSON of both ends")
    func roundTrip() throws {
        let value: [String: JSONValue] = ["title": .string("true"), "height": .number(1080), "live": .bool(false), "notes": .array([.string("a")])]
        let back = try ServiceAPI.decoder().decode([String: JSONValue].self, from: ServiceAPI.encode(value))
        #expect(back == value)
    }
}
