"""`python -m course check [PATH]`, `new LESSON_ID "Title"`, `schemas` and `reference`."""

from course.cli import main

raise SystemExit(main())
