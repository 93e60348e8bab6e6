"""The end-to-end path: the files a user really has, through `radar import`, then the store.

For each portfolio: Google- and Outlook-style calendar exports and mailboxes
of our team (bench.accuracy.e2e.ics, .mbox) plus a portfolio bundle for what
they do not hold (.bundle) are written to a folder, imported into a fresh
SQLite database with the real `radar import` command in a subprocess, and
evaluated at each month end as `radar evaluate --as-of` does (.evaluate, in a
child process of its own). See docs/accuracy.md.
"""
