"""`python -m easyclick2call` runs the same entry point as the `easyclick2call` command."""

import sys

from easyclick2call.cli import main

sys.exit(main())
