import YTQCommands

await YTQMain.run()
