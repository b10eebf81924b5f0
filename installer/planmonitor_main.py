"""The frozen program's entry point: ``planmonitor.cli:main`` (no command → GUI; else CLI).

``freeze_support`` lets the frozen program start the child processes that read hostile formats
(planmonitor/exchange/sheets/bounded.py): a child runs the reader, not the program.
"""

import multiprocessing
import sys

from planmonitor.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(main())
