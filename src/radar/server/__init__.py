"""The production web server: gunicorn running radar.wsgi, static files by WhiteNoise."""
