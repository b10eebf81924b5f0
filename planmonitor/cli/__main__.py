"""``python -m planmonitor.cli``: the same as the ``planmonitor`` command."""

import sys

from planmonitor.cli import main

sys.exit(main())
