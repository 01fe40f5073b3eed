import Foundation

/// Small real media made with ffmpeg at test time, to serve from `MediaServer(root:)` under
/// `/files/`, and `ffprobe` to check what a download produced.
///
/// ```swift
/// let folder = try TemporaryDirectory("dash")
/// try MediaClips.dash(in: folder.path, height: 360)          // manifest.mpd + segments
/// let server = try MediaServer(root: folder.path)
/// … download server.url("/files/manifest.mpd") …
/// let probe = try MediaClips.probe(file)                      // container, codecs, height
/// ```
public enum MediaClips {
    /// Why a clip could not be made or read.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// What ffprobe says about a file.
    public struct Probe: Sendable, Equatable {
        /// ffprobe's `format_name`, e.g. `mov,mp4,m4a,3gp,3g2,mj2`, `matroska,webm`, `mp3`.
        public var container: String
        public var videoCodec: String?
        public var audioCodec: String?
        public var height: Int?
        /// Seconds.
        public var duration: Double
    }

    /// A DASH presentation of `seconds` s in `folder`: H.264 video of `height` lines and AAC
    /// audio as separate adaptation sets, 1 s segments named `chunk-<rep>-<n>.m4s` (video is
    /// rep 0, audio rep 1), and `manifest.mpd`.
    public static func dash(in folder: String, height: Int = 360, seconds: Int = 3) async throws {
        let width = height * 16 / 9 / 2 * 2
        try await ffmpeg([
            "-f", "lavfi", "-i", "testsrc=size=\(width)x\(height):rate=25:duration=\(seconds)",
            "-f", "lavfi", "-i", "sine=frequency=440:duration=\(seconds)",
            "-map", "0:v", "-map", "1:a", "-c:v", "libx264", "-preset", "ultrafast", "-g", "25",
            "-c:a", "aac", "-b:a", "64k",
            "-f", "dash", "-seg_duration", "1", "-use_template", "1", "-use_timeline", "0",
            "-adaptation_sets", "id=0,streams=v id=1,streams=a",
            "-init_seg_name", "init-$RepresentationID$.m4s",
            "-media_seg_name", "chunk-$RepresentationID$-$Number%05d$.m4s",
            folder + "/manifest.mpd",
        ])
    }

    /// An HLS presentation of `seconds` s in `folder`: `master.m3u8` with two variants of H.264
    /// + AAC, 720p (`media_0.m3u8`) and 360p (`media_1.m3u8`), 1 s segments `seg_<v>_<n>.ts`.
    public static func hls(in folder: String, seconds: Int = 2) async throws {
        try await ffmpeg([
            "-f", "lavfi", "-i", "testsrc=size=1280x720:rate=25:duration=\(seconds)",
            "-f", "lavfi", "-i", "sine=frequency=440:duration=\(seconds)",
            "-filter_complex", "[0:v]split=2[a][b];[b]scale=640:360[c]",
            "-map", "[a]", "-map", "1:a", "-map", "[c]", "-map", "1:a",
            "-c:v", "libx264", "-preset", "ultrafast", "-g", "25", "-c:a", "aac", "-b:a", "64k",
            "-b:v:0", "800k", "-b:v:1", "300k",
            "-f", "hls", "-hls_time", "1", "-hls_playlist_type", "vod", "-master_pl_name", "master.m3u8",
            "-hls_segment_filename", folder + "/seg_%v_%03d.ts", "-var_stream_map", "v:0,a:0 v:1,a:1",
            folder + "/media_%v.m3u8",
        ])
    }

    /// A single VP9 + Opus WebM file of `seconds` s at 320x240.
    public static func webm(at path: String, seconds: Int = 2) async throws {
        try await ffmpeg([
            "-f", "lavfi", "-i", "testsrc=size=320x240:rate=25:duration=\(seconds)",
            "-f", "lavfi", "-i", "sine=frequency=440:duration=\(seconds)",
            "-c:v", "libvpx-vp9", "-deadline", "realtime", "-cpu-used", "8", "-b:v", "200k",
            "-c:a", "libopus", "-b:a", "48k", path,
        ])
    }

    /// An audio-only AAC file (.m4a) of `seconds` s.
    public static func m4a(at path: String, seconds: Int = 3) async throws {
        try await ffmpeg(["-f", "lavfi", "-i", "sine=frequency=440:duration=\(seconds)", "-c:a", "aac", "-b:a", "128k", path])
    }

    /// ffprobe's view of `path`.
    public static func probe(_ path: String) async throws -> Probe {
        let output = try await run([
            "ffprobe", "-v", "error", "-print_format", "json", "-show_format", "-show_streams", path,
        ])
        struct Report: Decodable {
            struct Stream: Decodable {
                var codec_type: String?
                var codec_name: String?
                var height: Int?
            }
            struct Format: Decodable {
                var format_name: String
                var duration: String?
            }
            var streams: [Stream]
            var format: Format
        }
        let report = try JSONDecoder().decode(Report.self, from: output)
        let video = report.streams.first { $0.codec_type == "video" }
        let audio = report.streams.first { $0.codec_type == "audio" }
        return Probe(
            container: report.format.format_name, videoCodec: video?.codec_name, audioCodec: audio?.codec_name,
            height: video?.height, duration: report.format.duration.flatMap(Double.init) ?? 0)
    }

    private static func ffmpeg(_ arguments: [String]) async throws {
        _ = try await run(["ffmpeg", "-nostdin", "-loglevel", "error", "-y"] + arguments)
    }

    /// Runs `argv` to its end on a thread of its own (not the caller's shared one); its stdout,
    /// or a failure naming the command and its status.
    private static func run(_ argv: [String]) async throws -> Data {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try runBlocking(argv) }) }.start()
        }
    }

    private static func runBlocking(_ argv: [String]) throws -> Data {
        let process: ChildProcess
        do {
            process = try ChildProcess(argv, stdout: .pipe)
        } catch {
            throw Failure(description: "could not start \(argv[0]) (installed by `make setup`): \(error)")
        }
        let output = process.output?.readDataToEndOfFile() ?? Data()
        let status = process.waitBlocking()
        guard status == 0 else {
            throw Failure(description: "\(argv.joined(separator: " ")) exited with status \(status)")
        }
        return output
    }
}
