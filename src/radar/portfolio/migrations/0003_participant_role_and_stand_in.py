"""Participants: their role on the invitation, and whom they stood in for.

On SQLite, adding a column with a foreign key rebuilds the participants table,
which drops the triggers on it: 0012 creates every activity trigger again (it
used to be done here, from live code).
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("portfolio", "0002_activity_triggers"),
    ]

    operations = [
        migrations.AddField(
            model_name="interactionparticipant",
            name="role",
            field=models.CharField(
                blank=True,
                choices=[
                    ("", "—"),
                    ("organizer", "Organiser"),
                    ("chair", "Chair"),
                    ("required", "Required"),
                    ("optional", "Optional"),
                ],
                max_length=20,
            ),
        ),
        migrations.AddField(
            model_name="interactionparticipant",
            name="stands_in_for",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="stood_in_by",
                to="portfolio.contact",
            ),
        ),
        migrations.AlterField(
            model_name="interaction",
            name="participants",
            field=models.ManyToManyField(
                related_name="interactions",
                through="portfolio.InteractionParticipant",
                through_fields=("interaction", "contact"),
                to="portfolio.contact",
            ),
        ),
    ]
