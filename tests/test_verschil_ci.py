"""The verschil step of the CI configurations (docs/ci) really shows what a pull/merge request changes.

The step's own shell script is run with bash, as the runner does, in a real clone whose ``origin`` has the
target branch with round 1 while the checked-out merge state has round 2 (test_ci_configs runs the rest of
the configurations; there the workspace is no git repository).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import yaml

from .conftest import REPO, VOORBEELD
from .test_verschil import RONDE2, _git, _vul

GITHUB = REPO / "docs" / "ci" / "github-regioplan.yml"
GITLAB = REPO / "docs" / "ci" / "gitlab-ci.yml"


def _opzet(tmp: Path, met_werkboeken_op_main: bool = True) -> Path:
    """``origin`` (bare) with main; ``werkplaats``: a shallow clone with the pull request's state checked
    out."""
    bron = tmp / "bron"
    (bron / "werkboeken").mkdir(parents=True)
    _git(bron, "init", "-q", "-b", "main")
    if met_werkboeken_op_main:
        _vul(bron / "werkboeken", VOORBEELD)
    else:
        (bron / "LEESMIJ.md").write_text("nog geen werkboeken\n")
    _git(bron, "add", "-A")
    _git(bron, "commit", "-q", "-m", "ronde 1")
    _git(bron, "checkout", "-q", "-b", "inzending")
    _vul(bron / "werkboeken", RONDE2)
    _git(bron, "add", "-A")
    _git(bron, "commit", "-q", "-m", "ronde 2")
    _git(tmp, "clone", "-q", "--bare", str(bron), "origin.git")
    werkplaats = tmp / "werkplaats"
    _git(
        tmp, "clone", "-q", "--depth=1", "--branch", "inzending", f"file://{tmp / 'origin.git'}", "werkplaats"
    )
    return werkplaats


def _omgeving(tmp: Path, **extra: str) -> dict[str, str]:
    bin_ = Path(sys.executable).parent  # the test's environment has regioplan installed
    assert (bin_ / "regioplan").exists()
    return {
        "PATH": f"{bin_}{os.pathsep}/usr/local/bin:/usr/bin:/bin",
        "HOME": str(tmp),
        "NO_COLOR": "1",
        "COLUMNS": "100",
        "TZ": "Europe/Amsterdam",
        "GIT_CONFIG_NOSYSTEM": "1",
        "WERKBOEKEN": "werkboeken",
        **extra,
    }


def _bash(script: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def _github_stap() -> dict:
    stappen = yaml.safe_load(GITHUB.read_text(encoding="utf-8"))["jobs"]["regioplan"]["steps"]
    return next(s for s in stappen if s.get("name") == "Verschil met de doelbranch")


def test_github_zet_het_verschil_in_de_samenvatting(tmp_path):
    stap = _github_stap()
    assert "pull_request" in stap["if"] and "always()" in stap["if"] and stap["continue-on-error"] is True
    werkplaats = _opzet(tmp_path)
    samenvatting = tmp_path / "summary.md"
    samenvatting.write_text("## regioplan valideer\n", encoding="utf-8")
    (tmp_path / "runner").mkdir()
    env = _omgeving(
        tmp_path,
        GITHUB_BASE_REF="main",
        GITHUB_STEP_SUMMARY=str(samenvatting),
        RUNNER_TEMP=str(tmp_path / "runner"),
    )
    r = _bash(stap["run"], werkplaats, env)
    assert r.returncode == 0, r.stderr
    tekst = samenvatting.read_text(encoding="utf-8")
    assert tekst.startswith("## regioplan valideer\n")  # appended, not overwritten
    assert "## regioplan verschil" in tekst and "Van **origin/main:werkboeken** naar **werkboeken**" in tekst
    assert "#### Raalte (IJsselland)" in tekst and "telt niet meer mee (-56)" in tekst
    assert _git(werkplaats, "status", "--porcelain") == ""


def test_github_zonder_werkboeken_op_de_doelbranch(tmp_path):
    werkplaats = _opzet(tmp_path, met_werkboeken_op_main=False)
    samenvatting = tmp_path / "summary.md"
    (tmp_path / "runner").mkdir()
    env = _omgeving(
        tmp_path,
        GITHUB_BASE_REF="main",
        GITHUB_STEP_SUMMARY=str(samenvatting),
        RUNNER_TEMP=str(tmp_path / "runner"),
    )
    r = _bash(_github_stap()["run"], werkplaats, env)
    assert r.returncode == 0, r.stderr
    assert (
        samenvatting.read_text(encoding="utf-8")
        == "Nog geen map werkboeken op main: geen verschil te tonen.\n"
    )


def test_gitlab_job_verschil(tmp_path):
    config = yaml.safe_load(GITLAB.read_text(encoding="utf-8"))
    job = config["verschil"]
    assert job["stage"] == "controle" and job["allow_failure"] is True
    assert job["rules"][0]["if"] == '$CI_PIPELINE_SOURCE == "merge_request_event"'
    assert not job["image"].endswith("-slim")  # the slim image has no git
    werkplaats = _opzet(tmp_path)
    env = _omgeving(tmp_path, CI_MERGE_REQUEST_TARGET_BRANCH_NAME="main")
    r = _bash("\n".join(job["script"]), werkplaats, env)
    assert r.returncode == 0, r.stderr
    assert "Wierden (Twente)" in r.stdout and "Ypeloweg" in r.stdout
    for pad in job["artifacts"]["paths"]:
        assert "## regioplan verschil" in (werkplaats / pad).read_text(encoding="utf-8")
