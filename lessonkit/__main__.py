"""`python -m lessonkit build|serve [--builder mkdocs|zensical] [--site-dir DIR]`: see lessonkit/build.py."""

import sys

from lessonkit.build import main

if __name__ == "__main__":
    sys.exit(main())
