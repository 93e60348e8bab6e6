"""Django settings, driven by RADAR_* environment variables.

SQLite (WAL mode) is the embedded default; set RADAR_DATABASE_URL to a
postgres:// URL for a team install. See docs/operations.md.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import dj_database_url

from radar.env import env_bool, env_int, env_list, env_str
from radar.security.secret import secret_key

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(env_str("RADAR_DATA_DIR", str(Path.cwd() / "var"))).resolve()

DEBUG = env_bool("RADAR_DEBUG", False)
# No built-in key: RADAR_SECRET_KEY, or one generated in DATA_DIR on first use;
# a weak RADAR_SECRET_KEY stops start-up unless DEBUG (radar.security.secret).
SECRET_KEY = secret_key(env_str("RADAR_SECRET_KEY", ""), DATA_DIR, DEBUG)
ALLOWED_HOSTS = env_list("RADAR_ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("RADAR_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "auditlog",  # who changed what and when (radar.portfolio.audit, docs/history.md)
    "radar.portfolio",
    "radar.accounts",  # roles, for the web app and the API
    "radar.web",
    "radar.api",
    "axes",
    "radar.security",  # after axes: replaces its admin with one that can unlock
    "django_q",  # before radar.worker, whose admin module trims django_q's
    "radar.worker",
    "radar.notify",
    # Only for its bundled Swagger UI files: the API docs page works offline.
    "ninja",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "radar.accounts.change_author.ChangeAuthorMiddleware",  # who made a change (auditlog)
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last, as django-axes asks: it turns a lockout raised during sign-in into its page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "radar.urls"
WSGI_APPLICATION = "radar.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]


def _database() -> dict[str, object]:
    url = env_str("RADAR_DATABASE_URL", "")
    if not url:
        DATA_DIR.mkdir(parents=True, exist_ok=True)
        url = f"sqlite:///{DATA_DIR / 'radar.sqlite3'}"
    config: dict[str, object] = dict(dj_database_url.parse(url, conn_max_age=60))
    if config["ENGINE"] == "django.db.backends.sqlite3":
        # WAL lets the web app read while an import writes; IMMEDIATE avoids
        # "database is locked" upgrades in write transactions.
        # A writer waits up to 20 s for another's transaction (5 s by default) rather
        # than fail with "database is locked" under many concurrent requests.
        config["OPTIONS"] = {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
        config["CONN_MAX_AGE"] = 0
    return config


DATABASES = {"default": _database()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
# django-axes first: it refuses a locked-out sign-in before a password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = env_str("RADAR_TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
# WhiteNoise serves from finders in development but warns when the folder is absent.
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
# Files people upload to keep (backed up and restored with the database: radar backup).
MEDIA_ROOT = DATA_DIR / "media"

# Outgoing mail (password resets, alerts, digests): SMTP once RADAR_EMAIL_HOST is set,
# else printed to the console (the demo and development).
EMAIL_HOST = env_str("RADAR_EMAIL_HOST", "")
EMAIL_BACKEND = env_str(
    "RADAR_EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_HOST = EMAIL_HOST or "localhost"
EMAIL_PORT = env_int("RADAR_EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("RADAR_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = env_str("RADAR_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = env_bool("RADAR_EMAIL_STARTTLS", False)
EMAIL_USE_SSL = env_bool("RADAR_EMAIL_SSL", False)
EMAIL_TIMEOUT = env_int("RADAR_EMAIL_TIMEOUT", 30)
DEFAULT_FROM_EMAIL = env_str("RADAR_FROM_EMAIL", "radar@localhost")

# --- Deployment and security (docs/operations.md "Deployment", docs/security.md) ---
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
# RADAR_HTTPS=true: the site is reached over HTTPS only; it turns on the rest.
RADAR_HTTPS = env_bool("RADAR_HTTPS", False)
SECURE_SSL_REDIRECT = env_bool("RADAR_SSL_REDIRECT", RADAR_HTTPS)
SECURE_HSTS_SECONDS = env_int("RADAR_HSTS_SECONDS", 31_536_000 if RADAR_HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("RADAR_HSTS_INCLUDE_SUBDOMAINS", RADAR_HTTPS)
SECURE_HSTS_PRELOAD = env_bool("RADAR_HSTS_PRELOAD", RADAR_HTTPS)
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env_bool("RADAR_SECURE_COOKIES", RADAR_HTTPS)
# Behind a TLS proxy: trust its X-Forwarded-Proto (only if it always sets it).
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("RADAR_PROXY_SSL_HEADER", False) else None
)
# How many proxies append to X-Forwarded-For: the client address (radar.security.client).
RADAR_PROXY_COUNT = env_int("RADAR_PROXY_COUNT", 0)

# A strict Content-Security-Policy: scripts and styles only from our own files.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# Sign-in lockout (django-axes): N wrong passwords for one account from one
# address pause its sign-in; unlock with `radar manage axes_reset_username` or the admin.
AXES_FAILURE_LIMIT = env_int("RADAR_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("RADAR_LOGIN_LOCKOUT_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "radar.security.client.client_ip"
AXES_LOCKOUT_CALLABLE = "radar.security.lockout.locked_out"
# Successful sign-ins are not logged row by row (Django keeps last_login).
AXES_DISABLE_ACCESS_LOG = True

# API rate limits (radar.security.ratelimit), counted in the cache below.
RADAR_API_RATE_LIMIT = env_int("RADAR_API_RATE_LIMIT", 600)
RADAR_API_RATE_WINDOW = env_int("RADAR_API_RATE_WINDOW", 60)
RADAR_API_BAD_TOKEN_LIMIT = env_int("RADAR_API_BAD_TOKEN_LIMIT", 20)
RADAR_API_BAD_TOKEN_WINDOW = env_int("RADAR_API_BAD_TOKEN_WINDOW", 600)
# A cache every server process on this machine shares (several gunicorn workers).
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(DATA_DIR / "cache"),
    }
}
# --- end of deployment and security ---

# History: fixtures and other raw saves are not changes anyone made.
AUDITLOG_DISABLE_ON_RAW_SAVE = True
AUDITLOG_DISABLE_REMOTE_ADDR = True  # who and when is enough; no addresses kept

# Our own organisation: e-mail domains that identify "our side" in importers.
RADAR_OUR_ORGANISATION = env_str("RADAR_OUR_ORGANISATION", "Our company")
RADAR_OUR_DOMAINS = env_list("RADAR_OUR_DOMAINS", [])
# Importers store message bodies only when the user opts in.
RADAR_STORE_BODIES = env_bool("RADAR_STORE_BODIES", False)
# What one import may read (radar.ingest.limits): zip bombs and endless files are refused.
RADAR_IMPORT_MAX_BYTES = env_int("RADAR_IMPORT_MAX_BYTES", 4 * 1024**3)
RADAR_IMPORT_MAX_ROWS = env_int("RADAR_IMPORT_MAX_ROWS", 20_000_000)
RADAR_IMPORT_MAX_CELL_BYTES = env_int("RADAR_IMPORT_MAX_CELL_BYTES", 16 * 1024**2)
RADAR_IMPORT_MAX_RATIO = env_int("RADAR_IMPORT_MAX_RATIO", 100)
# What one restore may read (radar.backup.limits): hostile backups are refused before the
# database is touched. Rows are read line by line and files copied in blocks.
RADAR_RESTORE_MAX_BYTES = env_int("RADAR_RESTORE_MAX_BYTES", 64 * 1024**3)
RADAR_RESTORE_MAX_MANIFEST_BYTES = env_int("RADAR_RESTORE_MAX_MANIFEST_BYTES", 64 * 1024**2)
RADAR_RESTORE_MAX_LINE_BYTES = env_int("RADAR_RESTORE_MAX_LINE_BYTES", 64 * 1024**2)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("RADAR_LOG_LEVEL", "WARNING")},
}

# --- Background worker, alerts and digests (docs/operations.md, "The worker") ---
# `radar worker` runs django-q2 on the database: the queue, the schedules and the
# results are tables, so several workers on several hosts share one PostgreSQL.
RADAR_SITE_URL = env_str("RADAR_SITE_URL", "http://127.0.0.1:8000").rstrip("/")
RADAR_JOBS_INLINE = env_bool("RADAR_JOBS_INLINE", False)  # run jobs in the caller
RADAR_JOB_TIMEOUT = env_int("RADAR_JOB_TIMEOUT", 3600)  # seconds before a job is stopped
RADAR_JOB_ATTEMPTS = env_int("RADAR_JOB_ATTEMPTS", 3)  # tries of a job whose worker died
RADAR_WORKER_PROCESSES = env_int("RADAR_WORKER_PROCESSES", 1)
RADAR_NIGHTLY_CRON = env_str("RADAR_NIGHTLY_CRON", "30 2 * * *")
RADAR_DIGEST_CRON = env_str("RADAR_DIGEST_CRON", "0 7 * * *")
RADAR_RESCORE_CRON = env_str("RADAR_RESCORE_CRON", "* * * * *")
RADAR_ALERT_REMINDER_DAYS = env_int("RADAR_ALERT_REMINDER_DAYS", 7)
RADAR_CHAT_URLS = env_list("RADAR_CHAT_URLS", [])  # apprise URLs of a team channel
Q_CLUSTER: dict[str, Any] = {  # django-q's settings (its keys take values of many types)
    "name": "radar",
    "orm": "default",
    "workers": RADAR_WORKER_PROCESSES,
    # A job may use several processes itself (a big evaluation): workers are not daemons.
    "daemonize_workers": False,
    "timeout": RADAR_JOB_TIMEOUT,
    # A claimed job whose worker died is handed out again after its lease runs out.
    "retry": RADAR_JOB_TIMEOUT + env_int("RADAR_JOB_GRACE", 60),
    "max_attempts": RADAR_JOB_ATTEMPTS,
    "catch_up": False,
    "poll": 1,
    "save_limit": 500,
    "label": "Worker queue",
}
