"""The web UI: the review inbox for assistants and the lists for the clerk."""
