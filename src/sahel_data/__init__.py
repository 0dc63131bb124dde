"""sahel-data: figures about security in the Sahel, extracted from articles into an open dataset."""

__version__ = "0.1.0"
