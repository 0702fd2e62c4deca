"""Sources yield raw messages with their locator; they never parse or judge."""
