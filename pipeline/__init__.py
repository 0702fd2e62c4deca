"""griffiepost: the intake desk of a council's griffie."""

__version__ = "0.1.0"
