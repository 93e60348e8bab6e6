"""What every alliance form shares: it belongs to one alliance and uses HTML5 date inputs."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone

from radar.portfolio.models import Alliance


class DateInput(forms.DateInput):
    """A native date picker; it only understands ISO dates, whatever the locale."""

    input_type = "date"

    def __init__(self, **kwargs: object) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)  # type: ignore[arg-type]


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


class AllianceModelForm(forms.ModelForm):  # type: ignore[type-arg]
    """A model form for a row that belongs to `alliance` (set on save, never posted)."""

    # Date (or date-time) fields that default to today on a new, unposted form:
    # most things are logged the day they happen.
    today_fields: tuple[str, ...] = ()

    def __init__(self, *args: Any, alliance: Alliance, user: Any = None, **kwargs: Any) -> None:
        self.alliance = alliance
        self.user = user
        super().__init__(*args, **kwargs)
        if not self.is_bound and self.instance.pk is None:
            now = timezone.localtime().replace(second=0, microsecond=0)
            for name in self.today_fields:
                is_datetime = isinstance(self.fields[name], forms.DateTimeField)
                self.initial.setdefault(name, now if is_datetime else now.date())

    def owner_alliance(self) -> Alliance | None:
        """The alliance the saved row will belong to (a form may choose none)."""
        return self.alliance

    def _post_clean(self) -> None:
        # The alliance is set before validation, and validated, so a row that would
        # repeat another's key (observation title and day, …) is a form error, not a crash.
        self.instance.alliance = self.owner_alliance()
        super()._post_clean()

    def _get_validation_exclusions(self) -> Any:
        exclusions = super()._get_validation_exclusions()
        exclusions.discard("alliance")
        return exclusions

    @property
    def signed_in_user(self) -> Any:
        return self.user if self.user is not None and self.user.is_authenticated else None

    def save(self, commit: bool = True) -> Any:
        obj = super().save(commit=False)
        obj.alliance = self.alliance
        if commit:
            obj.save()
            self.save_m2m()
        return obj
