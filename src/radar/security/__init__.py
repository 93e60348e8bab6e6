"""Deployment security: the secret key, client addresses, API rate limits, safe links."""
