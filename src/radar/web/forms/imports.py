"""The upload form of the import page: a file, its kind (or detect), an alliance, options."""

from __future__ import annotations

from typing import Any

from django import forms

from radar.ingest.registry import all_importers
from radar.portfolio.models import Alliance
from radar.web.imports.uploads import human_size, max_upload_bytes

ACCEPT = ".zip,.json,.ics,.ical,.csv,.tsv,.xlsx,.xlsm,.mbox,.mbx,.eml"


def kind_choices() -> list[tuple[str, str]]:
    found = [(i.kind, i.description) for i in all_importers()]
    return [("", "Detect from the file"), *found]


class UploadForm(forms.Form):
    file = forms.FileField(
        label="File",
        help_text=(
            "A portfolio bundle (.zip or .json), a calendar (.ics), a spreadsheet or CRM "
            "export (.csv, .xlsx), or e-mail (.mbox, .eml, or a Maildir folder as .zip). "
            "Up to {limit}."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT}),
    )
    kind = forms.ChoiceField(label="Kind of file", required=False)
    alliance = forms.ModelChoiceField(
        label="Alliance",
        queryset=Alliance.objects.order_by("name"),
        to_field_name="slug",
        required=False,
        empty_label="All alliances in the file",
        help_text="Only import what belongs to this alliance.",
    )
    dayfirst = forms.BooleanField(
        label="Dates are day first (03/04/2025 is 3 April)",
        required=False,
        help_text="Spreadsheets and CRM exports.",
    )
    store_bodies = forms.BooleanField(
        label="Store e-mail bodies",
        required=False,
        help_text=(
            "E-mail only. By default only metadata is kept (who wrote to whom, when, "
            "reply times, tone); tick to also keep the message texts."
        ),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = kind_choices()  # type: ignore[attr-defined]
        limit = human_size(max_upload_bytes())
        self.fields["file"].help_text = str(self.fields["file"].help_text).format(limit=limit)

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        limit = max_upload_bytes()
        if upload.size > limit:
            raise forms.ValidationError(too_large(upload.size, limit))
        if upload.size == 0:
            raise forms.ValidationError("The file is empty.")
        return upload


def too_large(size: int, limit: int) -> str:
    return (
        f"The file is {human_size(size)}; uploads are limited to {human_size(limit)}. "
        "Split it, or import it with `radar import` on the server."
    )
