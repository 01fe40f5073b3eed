// Placeholder until the downloader lands.
enum YTQDownloaderPlaceholder {}
