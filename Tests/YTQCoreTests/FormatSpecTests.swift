import Testing
@testable import YTQCore

@Suite("FormatSpec parsing")
struct FormatSpecTests {
    @Test("every preset parses by name, case-insensitively", arguments: FormatPreset.allCases)
    func presets(preset: FormatPreset) throws {
        #expect(try FormatSpec(parsing: preset.rawValue) == .preset(preset))
        #expect(try FormatSpec(parsing: preset.rawValue.uppercased()) == .preset(preset))
        #expect(try FormatSpec(parsing: preset.rawValue).storedValue == preset.rawValue)
    }

    @Test("yt-dlp selector expressions pass through", arguments: [
        "bv*+ba/b", "bv*[height<=360]+ba/b", "22", "bestaudio", "w", "b[ext=mp4]", "137+140",
    ])
    func expressions(expression: String) throws {
        let spec = try FormatSpec(parsing: expression)
        #expect(spec == .expression(expression))
        #expect(spec.ytDlpArguments == ["-f", expression])
        #expect(try FormatSpec(parsing: spec.storedValue) == spec)
    }

    @Test("raw: forces an expression that looks like a name, and round-trips")
    func rawPrefix() throws {
        let spec = try FormatSpec(parsing: "raw:hls-1080p")
        #expect(spec == .expression("hls-1080p"))
        #expect(spec.storedValue == "raw:hls-1080p")
        #expect(try FormatSpec(parsing: spec.storedValue) == spec)
    }

    @Test("refuses expressions that could inject options or break argv")
    func refusesUnsafe() {
        #expect(throws: RequestError.self) { try FormatSpec(parsing: "raw:-x") }
        #expect(throws: RequestError.self) { try FormatSpec(parsing: "bv*+ba /b") }
        #expect(throws: RequestError.emptyFormat) { try FormatSpec(parsing: "raw:") }
        #expect(throws: RequestError.self) { try FormatSpec(parsing: "b+" + String(repeating: "a", count: 600)) }
    }

    @Test("audio presets extract audio and need ffmpeg")
    func audio() {
        #expect(FormatPreset.audioMP3.ytDlpArguments == ["-f", "ba/b", "-x", "--audio-format", "mp3"])
        #expect(FormatPreset.audioMP3.needsFFmpeg)
        #expect(!FormatPreset.p720.needsFFmpeg)
    }
}
