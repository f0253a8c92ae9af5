"""`contacts list|find|import|sync|forget` and `history sync`, as real subprocesses (the sandbox
over HTTP for the OVHcloud ones)."""

from __future__ import annotations

import json
from pathlib import Path

from easyclick2call.core.call_records import RecordStore
from easyclick2call.core.paths import resolve_profile
from tests.api.test_cli_api import run, sandbox_env

DATA = Path(__file__).resolve().parent.parent / "data" / "contacts"


def run_json(args: list[str], env: dict[str, str]) -> dict:
    done = run([*args, "--json"], env)
    answer = json.loads(done.stdout)
    assert done.stderr == ""
    return {**answer, "_code": done.returncode}


def test_import_list_find_forget(sandbox, profile_dir: Path) -> None:
    env = sandbox_env(sandbox)
    profile = ["--profile", str(profile_dir), "--region", "FR"]
    imported = run_json(["contacts", "import", str(DATA / "google.csv"), *profile], env)
    assert imported["_code"] == 0
    assert (imported["imported"], imported["skipped_entries"]) == (3, 2)
    done = run(["contacts", "import", str(DATA / "outlook.csv"), *profile], env)
    assert done.returncode == 0
    assert done.stdout.strip() == ("Imported 1 contacts from outlook.csv "
                                   "(1 entries without a name or a usable number skipped).")
    listed = run_json(["contacts", "list", *profile], env)
    assert [c["name"] for c in listed["contacts"]] == [
        "Boulangerie du Coin", "Dr Camille Martin", "Émile Zola", "Mrs. Sophie Durand"]
    assert {s["source"]: s["contacts"] for s in listed["sources"]} == {
        "file:google.csv": 3, "file:outlook.csv": 1}
    found = run_json(["contacts", "find", "01 99 00 12", *profile], env)
    assert [c["name"] for c in found["contacts"]] == ["Dr Camille Martin"]
    assert found["contacts"][0]["numbers"][0] == {
        "e164": "+33199001234", "display": "01 99 00 12 34", "kind": "work"}
    found = run(["contacts", "find", "zola", *profile], env)
    assert found.stdout.strip() == "Émile Zola — 01 99 00 45 67"
    forgotten = run_json(["contacts", "forget", "--source", "file:google.csv", *profile], env)
    assert forgotten["forgotten"] == 3
    assert run_json(["contacts", "forget", *profile], env)["forgotten"] == 1
    assert "No contacts yet" in run(["contacts", "list", *profile], env).stdout


def test_import_errors_are_one_line_in_the_users_language(sandbox, profile_dir: Path,
                                                          tmp_path: Path) -> None:
    env = sandbox_env(sandbox, LANGUAGE="fr")
    text = tmp_path / "notes.csv"
    text.write_text("Title,Body\nA,B\n", encoding="utf-8")
    done = run(["contacts", "import", str(text), "--profile", str(profile_dir)], env)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.strip().startswith("easyclick2call: Ce fichier n'a aucune colonne")
    failed = run_json(["contacts", "import", str(tmp_path / "missing.vcf"),
                       "--profile", str(profile_dir)], sandbox_env(sandbox))
    assert failed["_code"] == 2 and failed["error"]["kind"] == "import"
    assert failed["error"]["message"].startswith("Cannot read missing.vcf")


def test_sync_reads_the_demo_phonebooks(sandbox, profile_dir: Path) -> None:
    env = sandbox_env(sandbox)
    profile = ["--profile", str(profile_dir)]
    synced = run_json(["contacts", "sync", *profile], env)
    assert synced["_code"] == 0, synced
    assert (synced["books"], synced["contacts"], synced["read"]) == (2, 8, 8)
    again = run_json(["contacts", "sync", *profile], env)
    assert again["read"] == 0 and again["contacts"] == 8
    found = run_json(["contacts", "find", "martin", *profile, "--region", "FR"], env)
    assert [c["name"] for c in found["contacts"]] == ["Dr Martin"]
    assert found["contacts"][0]["source_label"] == "Carnet de démo"


def test_sync_errors_are_one_line(sandbox, profile_dir: Path) -> None:
    env = sandbox_env(sandbox, OVH_CONSUMER_KEY="unknownConsumerKey00000000000000")
    done = run(["contacts", "sync", "--profile", str(profile_dir)], env)
    assert done.returncode == 4
    assert len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr


def test_history_sync_reads_the_records(sandbox, profile_dir: Path) -> None:
    env = sandbox_env(sandbox)
    synced = run_json(["history", "sync", "--profile", str(profile_dir)], env)
    assert synced["_code"] == 0, synced
    assert synced["read"] == 4 and synced["records"] == 4
    assert run_json(["history", "sync", "--profile", str(profile_dir)], env)["read"] == 0
    records = RecordStore(resolve_profile(str(profile_dir)).records_db).all()
    assert len(records) == 4 and records[0].number_e164 == "+33199001234"
    recent = run_json(["history", "sync", "--days", "1", "--profile", str(profile_dir)], env)
    assert recent["read"] == 0
