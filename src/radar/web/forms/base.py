"""What every alliance form shares: it belongs to one alliance and uses HTML5 date inputs."""

from __future__ import annotations

from typing import Any, TypeVar

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


FieldKind = TypeVar("FieldKind", bound=forms.Field)


def field_of(form: forms.BaseForm, name: str, kind: type[FieldKind]) -> FieldKind:
    """The form's field `name` as the kind of field it is (`form.fields` holds plain Fields)."""
    field = form.fields[name]
    if not isinstance(field, kind):
        raise TypeError(f"{name} is a {type(field).__name__}, not a {kind.__name__}")
    return field


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
        super()._post_clean()  # type: ignore[misc]  # Django's hook, absent from django-stubs

    def _get_validation_exclusions(self) -> Any:
        # Django's hook, absent from django-stubs.
        exclusions = super()._get_validation_exclusions()  # type: ignore[misc]
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


class RecordForm(AllianceModelForm):
    """A record of one alliance that is unique within it by some fields (a title, a key).

    The model's constraints include the alliance, which is not a form field, so Django
    would skip them; each form names them in `unique_within_alliance` with the sentence
    a user reads, and they are checked here (case-insensitively for text).
    """

    unique_within_alliance: tuple[tuple[str, str], ...] = ()
    # False for rows that hang under another row of the alliance (a survey's responses,
    # a decision's action items): they have no alliance of their own to set.
    belongs_to_alliance = True

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")  # "Job title", not "Job title:"
        super().__init__(*args, **kwargs)

    def scope(self) -> Any:
        """The rows this record must be unique among (overridden for nested records)."""
        return self._meta.model.objects.filter(alliance=self.alliance)  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for field, message in self.unique_within_alliance:
            value = data.get(field)
            if value in (None, ""):
                continue
            lookup = f"{field}__iexact" if isinstance(value, str) else field
            clash = self.scope().filter(**{lookup: value}).exclude(pk=self.instance.pk)
            if clash.exists():
                self.add_error(field, message)
        return data

    def save(self, commit: bool = True) -> Any:
        if self.belongs_to_alliance:
            return super().save(commit)
        return forms.ModelForm.save(self, commit)
