"""Read-side pages: portfolio dashboard, alliance page, backtest."""
