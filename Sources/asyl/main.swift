import CommandLineInterface

AsylCommand.main()
