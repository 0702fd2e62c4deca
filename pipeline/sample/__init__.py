"""The project's own sample mailbox (fictitious Dutch council mail) and the generator that writes it."""
