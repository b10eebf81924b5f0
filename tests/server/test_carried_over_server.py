"""Predecessor links on a city server: an administrator loads the 十五五 plan file, every
account reads the links, only administrators change them, deleting 十四五 clears them."""

from __future__ import annotations

import json
from pathlib import Path

import psycopg
import pytest
from carryover_scenario import successor_plan
from pg_accounts import Server
from sqlalchemy.engine import make_url

from planmonitor.exchange.planfiles.writer import write_plan_file

pytestmark = pytest.mark.postgres


def _raw(srv: Server, user: str) -> psycopg.Connection:
    url = make_url(srv.url(user))
    return psycopg.connect(
        host=url.host, port=url.port, user=user, dbname=url.database, autocommit=False
    )


def test_links_on_a_server_follow_the_roles(
    server: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "cangzhou-15.toml"
    write_plan_file(successor_plan(), path)
    assert server.cli("boss", "init", "--plan", str(path)) == 0
    capsys.readouterr()
    assert server.cli("cangxian", "indicators", "--plan", "cangzhou-15", "--json") == 0
    shown = {i["code"]: i["predecessor"] for i in json.loads(capsys.readouterr().out)}
    assert shown["01"] == {"plan": "cangzhou", "code": "01"} and shown["04"] is None
    with _raw(server, "cangxian") as conn:  # a county cannot relink
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("UPDATE indicators SET predecessor_id = NULL")
        conn.rollback()
    with _raw(server, "boss") as conn:  # an administrator deletes 十四五: the links go
        conn.execute("DELETE FROM plans WHERE key = 'cangzhou'")
        conn.commit()
        n = conn.execute("SELECT count(predecessor_id) FROM indicators").fetchone()
        assert n == (0,)
    assert server.cli("look", "indicators", "--plan", "cangzhou-15", "--json") == 0
    assert all(i["predecessor"] is None for i in json.loads(capsys.readouterr().out))
