"""The history of changes to records, portfolio-wide and on the alliance timeline."""
