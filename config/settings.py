"""Werkplaats settings: one module, every deployment difference read from the environment.

Every variable is documented in README.md and .env.example.
"""

from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from config.env import cache_from_url, env_bool, env_int, env_list, env_required, env_str

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DEBUG", False)
if DEBUG:
    SECRET_KEY = env_str("SECRET_KEY") or "werkplaats-local-development-only"
else:
    SECRET_KEY = env_required("SECRET_KEY", "production runs need a secret key (or set DEBUG=true locally)")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000")
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAIL_SITE_NAME = "Werkplaats"

INSTALLED_APPS = [
    "marketplace",
    "cms",
    "api",
    "portal",
    "accounts",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
    "rest_framework.authtoken",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "config.middleware.ContentSecurityPolicyMiddleware",
    "config.middleware.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "accounts.middleware.StaffTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: turns a locked-out sign-in into the lock-out page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The server and the task worker write at the same time: take the write lock when a
    # transaction starts and wait for it, instead of failing with "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Rate limits and login lock-outs are counted here: every web process must share it in production.
CACHES = {"default": cache_from_url(env_str("CACHE_URL") or "locmem://")}
# Proxies (addresses or networks) whose X-Forwarded-For is believed; nobody else's is.
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES", [])
# Service requests one anonymous visitor may send, through the form and the API together.
THROTTLE_ANON_SERVICE_REQUESTS = env_str("THROTTLE_ANON_SERVICE_REQUESTS", "5/hour")
# Password reset links asked for, counted per client address and per e-mail address.
THROTTLE_PASSWORD_RESETS = env_str("THROTTLE_PASSWORD_RESETS", "5/hour")

# How long an anonymous candidate's reference on an employer's card stays valid (marketplace/references.py).
CANDIDATE_REFERENCE_MAX_AGE = env_int("CANDIDATE_REFERENCE_HOURS", 8) * 3600
# Invitations one employer organisation may send per hour, across the portal and the API.
INVITATIONS_PER_HOUR = env_int("INVITATIONS_PER_HOUR", 30)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "/accounts/login/"
LOGIN_REDIRECT_URL = "portal-home"

# Lock-outs (django-axes): after LOGIN_FAILURE_LIMIT wrong passwords for one username from one
# address, that combination cannot sign in for LOGIN_LOCKOUT_MINUTES, not even with the right
# password. Counting the combination means nobody can lock everyone out from one address.
# The failures are kept in the database, which every web process shares.
# AxesBackend refuses locked-out attempts and signs nobody in itself; it comes first, and it can also
# load a signed-in user, as tools that sign in with the first backend expect (Wagtail's test helpers).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
LOGIN_LOCKOUT_MINUTES = env_int("LOGIN_LOCKOUT_MINUTES", 15)
if LOGIN_FAILURE_LIMIT < 1 or LOGIN_LOCKOUT_MINUTES < 1:
    raise ImproperlyConfigured("LOGIN_FAILURE_LIMIT and LOGIN_LOCKOUT_MINUTES must be at least 1")
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_FAILURE_LIMIT = LOGIN_FAILURE_LIMIT
AXES_COOLOFF_TIME = timedelta(minutes=LOGIN_LOCKOUT_MINUTES)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# Attempts during a lock-out are refused unseen and do not extend it: the lock ends on time.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_RESET_ON_SUCCESS = True
# The client address of every rate limit (TRUSTED_PROXIES decides whose X-Forwarded-For counts).
AXES_CLIENT_IP_CALLABLE = "accounts.lockout.client_ip"
AXES_LOCKOUT_CALLABLE = "accounts.lockout.lockout_response"
# Keep no record of successful sign-ins; failed ones are deleted once their cool-off has passed.
AXES_DISABLE_ACCESS_LOG = True
AXES_SENSITIVE_PARAMETERS = ["username", "ip_address", "otp_code"]
AXES_ENABLE_ADMIN = False
# Wagtail's own reset form would bypass the limits of /accounts/password_reset/, which staff use too.
WAGTAIL_PASSWORD_RESET_ENABLED = False

# Two-step sign-in (TOTP, django-otp) for caseworkers and superusers: they can open the draaglast.
REQUIRE_STAFF_2FA = env_bool("REQUIRE_STAFF_2FA", not DEBUG)
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME

# API tokens stop working this many hours after they are issued; 0 keeps them until revoked.
API_TOKEN_LIFETIME_HOURS = env_int("API_TOKEN_LIFETIME_HOURS", 24 * 30)

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Dutch")), ("en", _("English"))]
WAGTAIL_I18N_ENABLED = False
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True
# One way of writing dates for people in each language: "5 december 2026" / "5 December 2026".
FORMAT_MODULE_PATH = ["config.formats"]

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT") or BASE_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG and env_bool("STATIC_MANIFEST", True)
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = DEBUG

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Werkplaats <noreply@werkplaats.example>")

TASKS = {
    "default": {
        "BACKEND": env_str("TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend"),
    }
}

# E-mails wait in an outbox table, written with the change that causes them, until the worker has
# handed them to the mail server. A failed attempt is retried after BASE, 2×BASE, 4×BASE … seconds
# (at most MAX); after MAX_ATTEMPTS the notification is marked failed for staff to see. A worker
# holds a notification for LEASE seconds while sending; the lease must outlast EMAIL_TIMEOUT.
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 30)
NOTIFICATION_MAX_ATTEMPTS = env_int("NOTIFICATION_MAX_ATTEMPTS", 10)
NOTIFICATION_RETRY_BASE_SECONDS = env_int("NOTIFICATION_RETRY_BASE_SECONDS", 60)
NOTIFICATION_RETRY_MAX_SECONDS = env_int("NOTIFICATION_RETRY_MAX_SECONDS", 6 * 3600)
NOTIFICATION_LEASE_SECONDS = env_int("NOTIFICATION_LEASE_SECONDS", 300)
# Sent notifications (recipient addresses) are deleted after this many days.
NOTIFICATION_KEEP_DAYS = env_int("NOTIFICATION_KEEP_DAYS", 30)
# A task still "running" after this long lost its worker: it is marked failed and, if safe, queued again.
TASK_STUCK_AFTER_SECONDS = env_int("TASK_STUCK_AFTER_SECONDS", 3600)

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "api.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticatedOrReadOnly"],
    "DEFAULT_PAGINATION_CLASS": "api.pagination.StrictPageNumberPagination",
    "PAGE_SIZE": 20,
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "api.exceptions.exception_handler",
    # JSON only, nested at most api.parsers.MAX_JSON_DEPTH levels; the token view also takes forms.
    "DEFAULT_PARSER_CLASSES": ["api.parsers.JSONParser"],
    # JSON only, also for a browser: people explore the API in the Swagger UI at /api/v1/docs/, which runs
    # under the site's Content-Security-Policy (DRF's browsable pages would need inline styles).
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Werkplaats API",
    "DESCRIPTION": (
        "Roles (carved tasks, part-time work, buurtdiensten) for employers, job seekers and caseworkers "
        "of Dutch municipalities. Anonymous clients read published roles; employers manage their "
        "organisation's roles; caseworkers manage the job seekers of their own municipality."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    "PREPROCESSING_HOOKS": ["api.schema.only_api_endpoints"],
    # Swagger UI comes from our own static files: the docs work offline and need no third-party host.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # Every draaglast category shares one severity scale; the schema names it once.
    "ENUM_NAME_OVERRIDES": {"BurdenSeverityEnum": "marketplace.models.seekers.BurdenSeverity"},
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}

# Security headers and cookies (see docs/privacy.md, "Headers and input").
SECURE_CONTENT_TYPE_NOSNIFF = True
# Links from the site never carry its URLs elsewhere; the status page of a service request carries a
# secret token in its URL and sends no Referer at all (cms/views.py).
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
# No script of the site or the admin reads the CSRF cookie: the token comes with each form or page.
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# Avatars would come from gravatar.com, and the admin would ask wagtail.org for new releases: third-party
# hosts that learn who opens the admin, and that the policy below blocks anyway.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False

# Content-Security-Policy (django-csp; config/middleware.py): everything from this site only, no inline
# script or style, no plug-ins, and no framing by others. A page that needs a script of its own gives it
# the request's nonce (``nonce="{{ request.csp_nonce }}"``); the nonce then joins script-src.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}
# The Wagtail admin is Wagtail's code, not ours: its date pickers and dialogs come with inline scripts
# that carry no nonce, it sets style attributes, draws icons and previews from data: and blob: URLs and
# shows page previews in a frame of its own. These directives replace the site's on its pages only; it
# still loads nothing from another host, and it is open only to staff signed in with two steps.
CONTENT_SECURITY_POLICY_ADMIN = {
    "PATH_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:"],
        "frame-src": [SELF],
        "frame-ancestors": [SELF],
    },
}
# Browser features that no page of the site uses are switched off (config/middleware.py); only
# features Chromium recognises, so its console stays free of warnings.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer", "autoplay", "camera", "display-capture", "encrypted-media", "geolocation",
        "gyroscope", "hid", "idle-detection", "magnetometer", "microphone", "midi", "payment",
        "picture-in-picture", "publickey-credentials-get", "screen-wake-lock", "serial", "usb",
        "xr-spatial-tracking",
    )
}

if not DEBUG:
    SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
    CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    # Plain HTTP is redirected to HTTPS; behind a proxy that already redirects (and terminates TLS) this
    # may be switched off with SECURE_SSL_REDIRECT=false.
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    # Browsers remember for a year to use HTTPS only, for every subdomain too. "preload" only says the
    # domain may be put on the browsers' built-in list; someone still has to submit it.
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 365 * 24 * 3600)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
    # A setting switched off on purpose is not reported by "manage.py check --deploy" as if forgotten.
    SILENCED_SYSTEM_CHECKS = [
        check for check, deliberate in (
            ("security.W008", not SECURE_SSL_REDIRECT),
            ("security.W004", not SECURE_HSTS_SECONDS),
            ("security.W005", SECURE_HSTS_SECONDS and not SECURE_HSTS_INCLUDE_SUBDOMAINS),
            ("security.W021", SECURE_HSTS_SECONDS and not SECURE_HSTS_PRELOAD),
        ) if deliberate
    ]
