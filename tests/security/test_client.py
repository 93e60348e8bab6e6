from __future__ import annotations

from django.test import RequestFactory, override_settings

from radar.security.client import client_ip


def request(forwarded: str = "") -> object:
    extra = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded else {}
    return RequestFactory().get("/", REMOTE_ADDR="10.0.0.1", **extra)


def test_without_proxies_the_client_is_the_connection() -> None:
    with override_settings(RADAR_PROXY_COUNT=0):
        assert client_ip(request("1.2.3.4")) == "10.0.0.1"


def test_behind_one_proxy_the_client_is_what_the_proxy_appended() -> None:
    with override_settings(RADAR_PROXY_COUNT=1):
        # The left part was written by the client itself: never trusted.
        assert client_ip(request("6.6.6.6, 1.2.3.4")) == "1.2.3.4"
        assert client_ip(request()) == "10.0.0.1"


def test_behind_two_proxies_it_skips_the_inner_one() -> None:
    with override_settings(RADAR_PROXY_COUNT=2):
        assert client_ip(request("6.6.6.6, 1.2.3.4, 10.0.0.9")) == "1.2.3.4"
