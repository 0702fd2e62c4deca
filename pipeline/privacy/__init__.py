"""Privacy: personal data found in letters, public sender labels, redaction and the guard on public outputs.

Import the submodules themselves (pipeline.privacy.detect, .guard, .pdf, ...): this package imports nothing, so
that reading a public label (`classify`) does not load pdfplumber and PDFium with the guard and the redactor."""
