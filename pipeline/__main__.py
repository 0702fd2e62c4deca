"""python -m pipeline == griffiepost."""

from pipeline.cli import run

run()
