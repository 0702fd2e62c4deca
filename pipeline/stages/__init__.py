"""The stages: plain functions over typed records, wired together in pipeline.flow."""
