"""The dashboard: its rows, filters, sorts, totals and attention queue."""
