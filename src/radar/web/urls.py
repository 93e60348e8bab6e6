"""Web app URLs. Pages: dashboard, alliance page, backtest; forms and review add theirs below."""

from django.urls import include, path

from radar.web.record_urls import portfolio_urlpatterns
from radar.web.views import (
    actions,
    alliance,
    backtest,
    dashboard,
    directory,
    exports,
    history,
    imports,
    search,
)

urlpatterns = [
    path("", dashboard.dashboard, name="dashboard"),
    path("alliances/", include(portfolio_urlpatterns)),
    path("alliances/<slug:slug>/", alliance.alliance_page, name="alliance"),
    path("alliances/<slug:slug>/state/", alliance.alliance_state, name="alliance_state"),
    path("alliances/<slug:slug>/timeline/", alliance.alliance_timeline, name="alliance_timeline"),
    path("backtest/", backtest.backtest, name="backtest"),
    path("people/", directory.people_directory, name="people_directory"),
    path("people/<int:pk>/keep-in-touch/", directory.keep_in_touch, name="keep_in_touch"),
    path("actions/", actions.action_list, name="action_list"),
    path("search/", search.search_page, name="search"),
    path("history/", history.history_page, name="history"),
    path("actions/<int:pk>/done/", actions.toggle_action, name="toggle_action"),
    path("import/", imports.upload, name="import_upload"),
    path("import/preview/", imports.preview_page, name="import_preview"),
    path("import/run/", imports.run, name="import_run"),
    path("import/cancel/", imports.cancel, name="import_cancel"),
    path("import/done/", imports.done, name="import_done"),
    path("export/", exports.exports, name="exports"),
    path("export/assessments.xlsx", exports.assessments_xlsx, name="export_assessments"),
    path("export/bundle.zip", exports.bundle_zip, name="export_bundle"),
    path("alliances/<slug:slug>/", include("radar.web.write_urls")),
    path("alliances/<slug:slug>/", include("radar.web.record_urls")),
]
