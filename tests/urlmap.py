"""Every URL pattern of the app, walked from the resolver (for the role matrix and the
layout sweep, so a URL someone adds is covered without being listed by hand)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.urls import URLPattern, URLResolver, get_resolver


def walk(
    resolver: URLResolver, namespace: str = "", params: frozenset[str] = frozenset()
) -> Iterator[tuple[str, str, frozenset[str]]]:
    """(namespace, qualified name or "", URL parameter names) for every URL pattern."""
    for entry in resolver.url_patterns:
        found = params | set(entry.pattern.regex.groupindex)
        if isinstance(entry, URLResolver):
            inner = namespace
            if entry.namespace:
                inner = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
            yield from walk(entry, inner, found)
        elif isinstance(entry, URLPattern):
            name = entry.name and (f"{namespace}:{entry.name}" if namespace else entry.name)
            yield namespace, name or "", found


def named_urls() -> dict[str, Any]:
    """Qualified URL name -> the names of its parameters."""
    found: dict[str, Any] = {}
    for _namespace, name, pattern in walk(get_resolver()):
        if name:
            found.setdefault(name, pattern)
    return found
