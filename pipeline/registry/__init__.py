"""The registry: messages, items, decisions, meetings and the audit trail, in SQLite or PostgreSQL."""
