// Placeholder until the terminal UI lands.
enum YTQTerminalPlaceholder {}
