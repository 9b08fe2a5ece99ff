"""Allow ``python -m botk_web.cli``."""

import sys

from botk_web.cli import main

sys.exit(main())
