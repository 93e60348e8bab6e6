"""Django settings, driven by RADAR_* environment variables.

SQLite (WAL mode) is the embedded default; set RADAR_DATABASE_URL to a
postgres:// URL for a team install. See docs/operations.md.
"""

from __future__ import annotations

from pathlib import Path

import dj_database_url

from radar.env import env_bool, env_int, env_list, env_str

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(env_str("RADAR_DATA_DIR", str(Path.cwd() / "var"))).resolve()

DEBUG = env_bool("RADAR_DEBUG", False)
# A fixed development key is only acceptable while DEBUG or on loopback demos;
# production installs must set RADAR_SECRET_KEY (checked by `radar check --deploy`).
SECRET_KEY = env_str("RADAR_SECRET_KEY", "dev-only-insecure-key-change-me")
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
    "radar.portfolio",
    "radar.web",
    "radar.api",
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
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
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
        config["OPTIONS"] = {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
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

EMAIL_BACKEND = env_str("RADAR_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("RADAR_EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("RADAR_EMAIL_PORT", 25)
DEFAULT_FROM_EMAIL = env_str("RADAR_FROM_EMAIL", "radar@localhost")

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True

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

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("RADAR_LOG_LEVEL", "WARNING")},
}
