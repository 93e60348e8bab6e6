"""URLs of an alliance's records (people, goals, metrics, governance, surveys, action
items, the agreement) and of the alliance itself, included by web/urls.py."""

from django.urls import URLPattern, path

from radar.web.records.kinds import KINDS
from radar.web.views import agreement, alliances, records


def _kind_urls() -> list[URLPattern]:
    found = []
    for kind in KINDS.values():
        extra = {"kind": kind.key}
        if kind.has_list:
            found.append(path(f"{kind.path}/", records.record_list, extra, name=kind.list_name))
        found += [
            path(f"{kind.path}/new/", records.record_form, extra, name=kind.add_name),
            path(f"{kind.path}/<int:pk>/edit/", records.record_form, extra, name=kind.edit_name),
            path(
                f"{kind.path}/<int:pk>/delete/", records.record_delete, extra, name=kind.delete_name
            ),
        ]
    return found


# Under /alliances/ itself, before the alliance page's /alliances/<slug>/.
portfolio_urlpatterns = [
    path("new/", alliances.new_alliance, name="new_alliance"),
    path("archived/", alliances.archived_alliances, name="archived_alliances"),
]

urlpatterns = [
    path("edit/", alliances.edit_alliance, name="edit_alliance"),
    path("archive/", alliances.archive_alliance, name="archive_alliance"),
    path("restore/", alliances.restore_alliance, name="restore_alliance"),
    path("delete/", alliances.delete_alliance, name="delete_alliance"),
    path("agreement/", agreement.agreement_page, name="agreement"),
    path("agreement/edit/", agreement.edit_agreement, name="edit_agreement"),
    path("agreement/review/", agreement.review_agreement, name="review_agreement"),
    path("agreement/delete/", agreement.delete_agreement, name="delete_agreement"),
    path("goals/reviewed/", records.goals_reviewed, name="goals_reviewed"),
    *_kind_urls(),
]
