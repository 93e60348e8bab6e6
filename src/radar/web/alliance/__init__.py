"""The alliance page: its overview, records, people, goals, timeline and next steps."""
