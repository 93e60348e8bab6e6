from django.apps import AppConfig


class SecurityConfig(AppConfig):
    name = "radar.security"
    label = "radar_security"
    verbose_name = "Sign-in security"
