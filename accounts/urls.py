"""Signing in, under /accounts/: Django's views, the limited password reset, and two-factor authentication."""

from django.urls import include, path

from accounts import views

urlpatterns = [
    # Before Django's own list, so that this limited view answers on the same address and name.
    path("password_reset/", views.PasswordResetView.as_view(), name="password_reset"),
    path("tweestaps/", views.verify, name="two-factor-verify"),
    path("tweestaps/reservecode/", views.verify, {"backup": True}, name="two-factor-backup"),
    path("tweestaps/instellen/", views.setup, name="two-factor-setup"),
    path("", include("django.contrib.auth.urls")),
]
