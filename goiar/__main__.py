"""``python -m goiar``: the command line."""

import sys

from goiar.cli import main

sys.exit(main())
