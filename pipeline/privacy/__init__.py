"""Privacy: personal data found in letters, public sender labels, redaction and the guard on public outputs.

No re-exports here: importing the detector must not load the PDF redaction (pdfplumber) with it."""
