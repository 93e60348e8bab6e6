"""Who may do what: the four roles, shared by the web app and the API (roles.py)."""
