"""Acknowledgements of receipt to writers: who gets one (RFC 3834), the templates, the outbox and SMTP."""
