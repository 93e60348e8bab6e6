"""A labelled accuracy benchmark for the engine (issue 10's "How to know").

    python -m bench.accuracy [--seeds N] [--alliances-per-class K] [--split dev|holdout|both]
                             [--json] [--details] [--seed S ...]

Seeded portfolios of alliances with ground truth (declining variants and
non-declining classes, drawn from the practitioner guides, not from the demo or
bench/generate.py) are backtested at month ends over their last 18 months, and
the figures of issue 10 are printed beside its targets. The engine-level path
builds `History` records from each scenario's events, as a perfect importer
and the store would. docs/accuracy.md explains it.

Modules: world (the events of one alliance), profile (its shape: tier, volumes,
people, metrics), months (its latent state month by month), labels (the ground
truth), classes (what each class does to the months), erosion (the declining
variants), realize with people, meetings, mail and records (events drawn from
the months), portfolio (a seeded portfolio), history (events -> engine input),
backtest, readings (the figures), targets, report.
"""
