"""`python -m course check [PATH]` and `python -m course new LESSON_ID "Title"`."""

from course.cli import main

raise SystemExit(main())
