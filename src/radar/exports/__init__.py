"""Files the app writes for people to open elsewhere: spreadsheets of assessments."""
