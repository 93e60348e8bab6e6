"""Web app URLs. Pages: dashboard, alliance page, backtest; forms and review add theirs below."""

from django.urls import include, path

from radar.web.views import alliance, backtest, dashboard

urlpatterns = [
    path("", dashboard.dashboard, name="dashboard"),
    path("alliances/<slug:slug>/", alliance.alliance_page, name="alliance"),
    path("alliances/<slug:slug>/state/", alliance.alliance_state, name="alliance_state"),
    path("backtest/", backtest.backtest, name="backtest"),
    path("alliances/<slug:slug>/", include("radar.web.write_urls")),
]
