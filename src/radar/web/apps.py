from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "radar.web"
    label = "web"
    verbose_name = "Alliance Radar web app"
