"""`python -m radar` = the `radar` command."""

from radar.cli import main

main()
