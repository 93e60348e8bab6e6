"""Sign in, sign out, password change and password reset by e-mail (Django's auth views).

Templates live in web/templates/registration/radar/ (the admin app ships its own
registration/*.html, which would otherwise win).
"""

from __future__ import annotations

from django.contrib.auth import views as auth_views
from django.urls import path

T = "registration/radar/"

urlpatterns = [
    path(
        "login/",
        auth_views.LoginView.as_view(
            template_name=T + "login.html", redirect_authenticated_user=False
        ),
        name="login",
    ),
    path(
        "logout/",
        auth_views.LogoutView.as_view(template_name=T + "logged_out.html"),
        name="logout",
    ),
    path(
        "password/change/",
        auth_views.PasswordChangeView.as_view(template_name=T + "password_change_form.html"),
        name="password_change",
    ),
    path(
        "password/change/done/",
        auth_views.PasswordChangeDoneView.as_view(template_name=T + "password_change_done.html"),
        name="password_change_done",
    ),
    path(
        "password/reset/",
        auth_views.PasswordResetView.as_view(
            template_name=T + "password_reset_form.html",
            email_template_name=T + "password_reset_email.html",
            subject_template_name=T + "password_reset_subject.txt",
        ),
        name="password_reset",
    ),
    path(
        "password/reset/sent/",
        auth_views.PasswordResetDoneView.as_view(template_name=T + "password_reset_done.html"),
        name="password_reset_done",
    ),
    path(
        "password/reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            template_name=T + "password_reset_confirm.html"
        ),
        name="password_reset_confirm",
    ),
    path(
        "password/reset/complete/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name=T + "password_reset_complete.html"
        ),
        name="password_reset_complete",
    ),
]
