"""The action items page: "my open and overdue actions"."""
