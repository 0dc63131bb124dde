"""Prefect entry point: `python flows/publish.py [RAW] [DIST]`, or a deployment's `flows/publish.py:publish`."""

import sys
from pathlib import Path

from sahel_data.flow import publish

if __name__ == "__main__":
    args = [Path(a) for a in sys.argv[1:3]]
    publish(*args)
