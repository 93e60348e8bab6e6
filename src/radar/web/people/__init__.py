"""The people directory: everyone on both sides across the portfolio."""
