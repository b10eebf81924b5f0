"""The frozen program's entry point: ``planmonitor.cli:main`` (no command → GUI; else CLI)."""

import sys

from planmonitor.cli import main

if __name__ == "__main__":
    sys.exit(main())
