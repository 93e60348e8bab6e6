"""Prepare bench.load's store (run in a child process with the bench's environment,
after `radar demo`): one manager per client with a password and an API token.
Prints JSON: {"slugs": [...], "tokens": [...]}.
"""

from __future__ import annotations

import json
import sys

from radar.cli.app import migrate_quietly

PASSWORD = "load-test-password-1"


def main(clients: int) -> None:
    migrate_quietly()
    from django.contrib.auth.hashers import make_password
    from django.contrib.auth.models import User

    from radar.accounts.roles import Role, grant_role
    from radar.api.models import ApiToken
    from radar.portfolio.models import Alliance

    hashed = make_password(PASSWORD)  # hashed once: the same for every client
    tokens = []
    for number in range(1, clients + 1):
        user, _ = User.objects.get_or_create(username=f"load{number:02d}")
        user.password = hashed
        user.save()
        grant_role(user, Role.MANAGER)
        tokens.append(ApiToken.issue(user, "load test")[1])
    slugs = list(Alliance.objects.order_by("pk").values_list("slug", flat=True))
    print(json.dumps({"slugs": slugs, "tokens": tokens, "password": PASSWORD}))


if __name__ == "__main__":
    main(int(sys.argv[1]))
