"""Settings for Evidence Claims KB, read from the environment.

With nothing set it runs in development mode on a SQLite file in the project folder. Production
sets DEBUG=0, SECRET_KEY, ALLOWED_HOSTS and DATABASE_URL=postgres://...; that configuration passes
``manage.py check --deploy``.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", True)

_DEV_SECRET_KEY = "django-insecure-development-only-key-do-not-use-in-production"
SECRET_KEY = os.environ.get("SECRET_KEY", _DEV_SECRET_KEY if DEBUG else "")
if not SECRET_KEY:
    raise ImproperlyConfigured("Set SECRET_KEY when DEBUG is off.")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django_filters",
    "ninja",  # serves the API docs' Swagger UI from its own static files, not a CDN
    "django_htmx",
    "template_partials",
    "simple_history",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "sources",
    "claims",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # 503 + Retry-After instead of 500 when the database is unreachable or locked.
    "config.errors.DatabaseUnavailableMiddleware",
    "config.csp.SiteCSPMiddleware",  # django-csp, with style attributes allowed in the admin
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "config.routers.PinToPrimaryMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes requires: turns a flagged login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "claims.roles.roles",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}

# SQLite with more than one worker: WAL lets readers run while one writer writes; IMMEDIATE
# transactions take the write lock when they begin, so two writers queue for it (up to the busy
# timeout) instead of both reading and then failing with "database is locked" when the second
# tries to write; synchronous=NORMAL is the safe and fast pairing with WAL.
SQLITE_OPTIONS = {
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,  # seconds a connection waits for the lock (the busy timeout)
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {**SQLITE_OPTIONS, **DATABASES["default"].get("OPTIONS", {})}

# Read replicas (PostgreSQL streaming replicas): reader pages read from them, writes and
# signed-in users use the primary (config/routers.py). Tests mirror them onto the default.
for number, url in enumerate(env_list("DATABASE_REPLICA_URLS", ""), start=1):
    DATABASES[f"replica{number}"] = {
        **dj_database_url.parse(url, conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60"))),
        "TEST": {"MIRROR": "default"},
    }
DATABASE_ROUTERS = ["config.routers.PrimaryReplicaRouter"]

# PostgreSQL sorts each facet's claims to count them: 4 MB (the server's default) spills those
# sorts to disk from about 100,000 read-model rows; memory per sort, not per connection.
POSTGRES_WORK_MEM = os.environ.get("POSTGRES_WORK_MEM", "32MB")
for database in DATABASES.values():
    if database["ENGINE"] == "django.db.backends.postgresql":
        options = database.setdefault("OPTIONS", {})
        options["options"] = f"-c work_mem={POSTGRES_WORK_MEM} {options.get('options', '')}".strip()

# Reader pages (claims.caching): browsers keep them a minute, shared caches (a CDN) five; both
# revalidate with the knowledge-base version's ETag afterwards.
READER_MAX_AGE = int(os.environ.get("READER_MAX_AGE", "60"))
READER_SHARED_MAX_AGE = int(os.environ.get("READER_SHARED_MAX_AGE", "300"))
# Rendered reader pages kept by the server per knowledge-base version (claims/caching.py): in
# each process's memory by default; point "readers" at Memcached or Redis to share it.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "readers": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "reader-pages",
        "OPTIONS": {"MAX_ENTRIES": 500},  # about 25 MB of pages per process at most
    },
}
READER_CACHE = "readers"
READER_CACHE_SECONDS = int(os.environ.get("READER_CACHE_SECONDS", "3600"))

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # refuses locked-out logins before checking passwords
    "django.contrib.auth.backends.ModelBackend",
]

# Login throttling (config.login_throttle): 5 wrong passwords for one username from one address
# pause that pair for 15 minutes; a successful login clears the count.
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("LOGIN_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "config.login_throttle.lockout_response"
AXES_CLIENT_IP_CALLABLE = "config.login_throttle.client_ip"
# Reverse proxies in front of the app that append to X-Forwarded-For (0: none, use REMOTE_ADDR).
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "/curate/"
LOGOUT_REDIRECT_URL = "/"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# In development (and under the test runner) static files come straight from the finders.
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG

# The read-only JSON API (/api/): requests per anonymous client (IP address) and period, e.g.
# "120/min"; empty turns the limit off. Behind a proxy set API_NUM_PROXIES so the client's address
# is read from X-Forwarded-For. Responses may be cached by clients and proxies for this long.
API_ANON_RATE = os.environ.get("API_ANON_RATE", "120/min") or None
NINJA_NUM_PROXIES = (
    int(os.environ["API_NUM_PROXIES"]) if os.environ.get("API_NUM_PROXIES") else None
)
API_CACHE_SECONDS = int(os.environ.get("API_CACHE_SECONDS", "300"))

# Content-Security-Policy (django-csp): scripts, styles, images and requests from this site
# only; no inline scripts or style attributes anywhere (htmx is told not to inject styles or
# evaluate code, see base.html), no plugins, no framing, forms post only here.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# Uploaded articles are read in memory and reduced to text; anything larger is refused.
MAX_ARTICLE_UPLOAD_BYTES = 2 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = MAX_ARTICLE_UPLOAD_BYTES
# The extractor's work in one add-article request grows with the sentences (about 0.6 ms CPU
# each): a longer text is refused with a message (manage.py ingest has no ceiling).
EXTRACTION_MAX_SENTENCES = int(os.environ.get("EXTRACTION_MAX_SENTENCES", "2000"))
# Up to this many sentences the suggestions are made in the request; a longer text (up to
# EXTRACTION_MAX_SENTENCES) is stored at once and its suggestions are made by a background task.
EXTRACTION_INLINE_MAX_SENTENCES = int(os.environ.get("EXTRACTION_INLINE_MAX_SENTENCES", "300"))
# A shorter text whose extraction still takes longer than this (a slow or busy machine) is
# deferred the same way: the request stops extracting and the background task starts afresh.
EXTRACTION_INLINE_SECONDS = float(os.environ.get("EXTRACTION_INLINE_SECONDS", "5"))

# Background tasks (django-tasks): queued in the database, run by `manage.py db_worker` (started
# by `make run` in development; run one or more per machine in production). TASKS_BACKEND may
# name another backend, e.g. django_tasks.backends.immediate.ImmediateBackend to run in-request.
TASKS = {"default": {"BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend")}}

if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
