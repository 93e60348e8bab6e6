"""Create and edit an alliance: partner picked or typed (created when new), slug derived."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.text import slugify

from radar.portfolio.models import Alliance, Contact, Partner
from radar.web.forms.base import DateInput

# Paths under /alliances/ that are pages, not alliances.
RESERVED_SLUGS = frozenset({"new", "archived"})


def derive_slug(name: str, taken: set[str]) -> str:
    """The slug of a name, made unique against `taken` with -2, -3 … (never a reserved one)."""
    base = slugify(name)[:200] or "alliance"
    slug, n = base, 1
    while slug in taken or slug in RESERVED_SLUGS:
        n += 1
        slug = f"{base}-{n}"
    return slug


class PartnerField(forms.CharField):
    """A partner organisation by name: an existing one (any case) or a new one."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(max_length=200, **kwargs)
        self.widget.attrs.update({"list": "partner-names", "autocomplete": "off"})


class AllianceForm(forms.ModelForm):  # type: ignore[type-arg]
    partner_name = PartnerField(
        label="Partner organisation",
        help_text="Pick one from the list or type a new name: a new partner is created.",
    )

    class Meta:
        model = Alliance
        fields = [
            "name",
            "partner_name",
            "slug",
            "kind",
            "tier",
            "owner",
            "owner_name",
            "started_on",
            "declared_phase",
            "description",
        ]
        widgets = {
            "started_on": DateInput(),
            "description": forms.Textarea(attrs={"rows": 3}),
        }
        labels = {
            "name": "Alliance name",
            "slug": "Web address",
            "kind": "Type of alliance",
            "tier": "Tier",
            "owner": "Owner",
            "owner_name": "Owner without a login",
            "started_on": "Started on",
            "declared_phase": "Phase you would say it is in",
            "description": "What it is for",
        }
        help_texts = {
            "slug": "Used in links. Filled in from the name; change it if you like.",
            "owner_name": "Only when the owner does not sign in here.",
            "declared_phase": "Optional: the radar compares it with the phase it diagnoses.",
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields["slug"].required = False
        phase = self.fields["declared_phase"]
        phase.choices = [("", "Let the radar decide"), *list(phase.choices)[1:]]  # type: ignore[attr-defined]
        owner = self.fields["owner"]
        owner.queryset = get_user_model().objects.filter(is_active=True).order_by("username")  # type: ignore[attr-defined]
        owner.label_from_instance = lambda u: u.get_full_name() or u.get_username()  # type: ignore[attr-defined]
        owner.empty_label = "Nobody yet"  # type: ignore[attr-defined]
        if self.instance.pk:
            self.initial.setdefault("partner_name", self.instance.partner.name)
        else:  # a new alliance's address follows its name until typed (static/radar/records.js)
            self.fields["name"].widget.attrs["data-fills"] = self["slug"].auto_id
            self.fields["slug"].widget.attrs["data-joiner"] = "-"

    @staticmethod
    def partner_names() -> list[str]:
        return list(Partner.objects.order_by("name").values_list("name", flat=True))

    def clean_partner_name(self) -> str:
        return " ".join(str(self.cleaned_data["partner_name"]).split())

    def clean_slug(self) -> str:
        slug = str(self.cleaned_data.get("slug") or "").strip()
        if slug in RESERVED_SLUGS:
            raise forms.ValidationError("This address is used by a page; choose another.")
        return slug

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("slug") and data.get("name") and "name" not in self.errors:
            others = Alliance.objects.exclude(pk=self.instance.pk).values_list("slug", flat=True)
            data["slug"] = derive_slug(data["name"], set(others))
            self.instance.slug = data["slug"]
        return data

    def _post_clean(self) -> None:
        # The partner is a name on the form, a row on the model: resolve it before the
        # model's own validation (partner is required there).
        name = self.cleaned_data.get("partner_name")
        if name:
            self.instance.partner = self._partner(name)
        super()._post_clean()  # type: ignore[misc]  # Django's hook, absent from django-stubs

    @staticmethod
    def _partner(name: str) -> Partner:
        found = Partner.objects.filter(name__iexact=name).first()
        return found if found is not None else Partner(name=name)

    def save(self, commit: bool = True) -> Alliance:
        alliance: Alliance = super().save(commit=False)
        if commit:
            with transaction.atomic():
                if alliance.partner.pk is None:
                    alliance.partner.save()  # a new partner typed on the form
                alliance.save()
        return alliance


class NewAllianceForm(AllianceForm):
    """The alliance plus, optionally, the first two people: who champions it on each side."""

    partner_contact = forms.CharField(
        label="Partner's main contact", required=False, max_length=200
    )
    partner_contact_title = forms.CharField(label="Their title", required=False, max_length=200)
    partner_contact_email = forms.EmailField(label="Their e-mail", required=False)
    our_contact = forms.CharField(
        label="Our alliance manager",
        required=False,
        max_length=200,
        help_text="Who runs it on our side, if not the owner.",
    )

    PEOPLE_FIELDS = (
        "partner_contact",
        "partner_contact_title",
        "partner_contact_email",
        "our_contact",
    )

    def sections(self) -> list[tuple[str, list[forms.BoundField]]]:
        alliance = [self[name] for name in self.fields if name not in self.PEOPLE_FIELDS]
        people = [self[name] for name in self.PEOPLE_FIELDS]
        return [("The alliance", alliance), ("Its first people (optional)", people)]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        extra = data.get("partner_contact_title") or data.get("partner_contact_email")
        if extra and not data.get("partner_contact"):
            self.add_error("partner_contact", "Give the contact's name.")
        theirs, ours = data.get("partner_contact"), self._our_contact(data)
        if theirs and theirs == ours and not data.get("partner_contact_email"):
            # Without an e-mail a person is known by name within the alliance.
            self.add_error(
                "partner_contact",
                f"{theirs} is also named as our alliance manager: add their e-mail, or tell"
                " the two apart by name.",
            )
        return data

    @staticmethod
    def _our_contact(data: dict[str, Any]) -> str:
        """Who is recorded on our side: the name typed, else the owner."""
        owner = data.get("owner")
        named = owner.get_full_name() or owner.get_username() if owner else ""
        return str(data.get("our_contact") or named)

    def save(self, commit: bool = True) -> Alliance:
        with transaction.atomic():
            alliance = super().save(commit=commit)
            if commit:
                self._first_people(alliance)
        return alliance

    def _first_people(self, alliance: Alliance) -> None:
        data = self.cleaned_data
        day = alliance.started_on
        if data.get("partner_contact"):
            Contact.objects.create(
                alliance=alliance,
                side="partner",
                name=data["partner_contact"],
                title=data.get("partner_contact_title", ""),
                email=data.get("partner_contact_email", ""),
                role="champion",
                started_on=day,
            )
        ours = self._our_contact(data)
        if ours:
            Contact.objects.create(
                alliance=alliance, side="ours", name=ours, role="alliance_manager", started_on=day
            )
