"""Small text helpers shared by the stages: Dutch dates, normalisation, HTML to text."""
