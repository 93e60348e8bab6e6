"""Search across the portfolio."""
