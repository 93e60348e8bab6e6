from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "radar.api"
    label = "radar_api"
    verbose_name = "Alliance Radar API"
