"""The ready-to-copy CI configurations in docs/ci/ really work: their shell steps are run here.

Why: a coordinator copies these files without reading them closely. A step that installs from the wrong
place, a variable that is never set or a report path that the artifact step does not upload would only
show up in her repository. So this test reads the YAML, lays out a repository the way the handleiding
describes (``regioplan/`` with the tool's source, ``werkboeken/`` with the workbooks), and runs every
shell step with bash, as the runners do (``-eo pipefail``), in the environment the runner would give.

The install step creates a fresh virtual environment (not sharing site-packages) in the test's tmp dir
and installs the copied source with pip; dependencies come from PyPI. Within one configuration the
later scenarios reuse that environment (the install step does not depend on the data), so each
configuration installs once. What the runners do themselves (``uses:`` actions, ``rules:``, ``if:``,
artifacts) is emulated just far enough to check that the configuration asks for the right thing.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import openpyxl
import pytest
import yaml

from .conftest import REPO, VOORBEELD

GITHUB = REPO / "docs" / "ci" / "github-regioplan.yml"
GITLAB = REPO / "docs" / "ci" / "gitlab-ci.yml"

NEGEER = shutil.ignore_patterns(
    ".venv",
    ".git",
    "__pycache__",
    "*.pyc",
    ".pytest_cache",
    ".ruff_cache",
    ".hypothesis",
    "uitvoer",
    "build",
    "dist",
    "*.egg-info",
    "tmp",
)


@dataclass
class Stap:
    naam: str
    code: int | None  #: None = skipped
    stdout: str = ""
    stderr: str = ""


@dataclass
class Run:
    stappen: list[Stap] = field(default_factory=list)

    def stap(self, naam: str) -> Stap:
        gevonden = [s for s in self.stappen if s.naam == naam]
        assert len(gevonden) == 1, f"geen of meer stappen '{naam}': {[s.naam for s in self.stappen]}"
        return gevonden[0]


# --- the repository the coordinator keeps ------------------------------------------------------------------


def _maak_repository(doel: Path, kapot: bool = False) -> Path:
    """``doel/regioplan`` (the tool's source, as unpacked from a release) and ``doel/werkboeken``."""
    shutil.copytree(REPO, doel / "regioplan", ignore=NEGEER)
    werkboeken = doel / "werkboeken"
    werkboeken.mkdir()
    for pad in VOORBEELD.iterdir():
        if pad.suffix in (".xlsx", ".toml"):
            shutil.copy2(pad, werkboeken / pad.name)
    if kapot:
        _maak_kapot(werkboeken / "almelo.xlsx")
    return doel


def _maak_kapot(pad: Path) -> None:
    """The typical mistakes of a submission: text in a number, an impossible date, a word not in the list."""
    wb = openpyxl.load_workbook(pad)
    ws = wb["Asiel"]
    ws["B2"] = "ca. 400"
    ws["E2"] = "31-02-2025"
    ws["D3"] = "AZC"
    wb.save(pad)


def _python_map(tmp: Path) -> Path:
    """What actions/setup-python or the python image provide: a ``python`` (3.10+) and nothing else."""
    bin_ = tmp / "python-bin"
    bin_.mkdir(exist_ok=True)
    basis = Path(getattr(sys, "_base_executable", sys.executable))
    for naam in ("python", "python3"):
        if not (bin_ / naam).exists():
            (bin_ / naam).symlink_to(basis)
    return bin_


def _basisomgeving(tmp: Path) -> dict[str, str]:
    """The runner's environment: no project venv on PATH, no VIRTUAL_ENV; HOME and pip settings kept."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME", "PATH")
        and not k.startswith(("PYTEST", "GITHUB", "CI_"))
    }
    env.update({"PATH": "/usr/local/bin:/usr/bin:/bin", "CI": "true", "TMPDIR": str(tmp)})
    assert shutil.which("regioplan", path=env["PATH"]) is None, (
        "regioplan mag niet al op het systeem-PATH staan"
    )
    return env


def _bash(script: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def _uitvoer_bestanden(map_: Path) -> set[str]:
    return {p.name for p in map_.rglob("*") if p.is_file()}


# --- GitHub Actions ----------------------------------------------------------------------------------------


def _github_als(expressie: str, event: str, ref: str, mislukt: bool) -> bool:
    """The few GitHub expression forms the workflow may use; anything else fails the test loudly.

    As on GitHub, a condition without a status function means ``success() && (condition)``.
    """
    e = expressie.strip()
    if e.startswith("${{") and e.endswith("}}"):
        e = e[3:-2].strip()
    if not re.search(r"\b(always|success|failure|cancelled)\(\)", e):
        e = f"success() && ({e})"
    e = (
        e.replace("github.event_name", repr(event))
        .replace("github.ref", repr(ref))
        .replace("always()", "True")
        .replace("success()", repr(not mislukt))
        .replace("failure()", repr(mislukt))
        .replace("cancelled()", "False")
        .replace("&&", " and ")
        .replace("||", " or ")
    )
    rest = re.sub(r"'[^']*'|==|!=|\band\b|\bor\b|\bnot\b|\bTrue\b|\bFalse\b|[()\s]", "", e)
    assert not rest, f"onbekende expressie in de workflow: {expressie!r}"
    return bool(eval(e, {"__builtins__": {}}, {}))  # only literals and operators remain, checked above


class GithubRunner:
    """Runs the steps of the workflow's one job; keeps what GITHUB_PATH added (the installed tool)."""

    def __init__(self, tmp: Path) -> None:
        self.workflow = yaml.safe_load(GITHUB.read_text(encoding="utf-8"))
        self.jobnaam = "regioplan"  # the job that checks and reports; "pages" only deploys (see its test)
        self.job = self.workflow["jobs"][self.jobnaam]
        self.tmp = tmp
        self.runner_temp = tmp / "runner-temp"
        self.runner_temp.mkdir()
        self.env = _basisomgeving(tmp)
        self.env.update({k: str(v) for k, v in self.workflow.get("env", {}).items()})
        self.env.update({k: str(v) for k, v in self.job.get("env", {}).items()})
        self.extra_pad: list[str] = []
        self.artefacten: dict[str, Path] = {}

    @property
    def on(self) -> dict:
        return self.workflow.get("on") or self.workflow[True]  # YAML 1.1 reads a bare `on` as True

    def draai(self, werkplaats: Path, event: str, vanaf_stap: int = 0) -> Run:
        ref = "refs/heads/main" if event == "push" else "refs/pull/1/merge"
        run = Run()
        mislukt = False
        for stap in self.job["steps"][vanaf_stap:]:
            naam = stap.get("name") or stap.get("uses") or stap["run"][:40]
            if not _github_als(str(stap.get("if", "success()")), event, ref, mislukt):
                run.stappen.append(Stap(naam, None))
                continue
            if "uses" in stap:
                run.stappen.append(self._actie(stap, naam, werkplaats))
                continue
            bestanden = {n: self.runner_temp / f"{n}-{len(run.stappen)}" for n in ("path", "env")}
            for p in bestanden.values():
                p.write_text("", encoding="utf-8")
            env = dict(self.env, **{k: str(v) for k, v in stap.get("env", {}).items()})
            env.update(
                {
                    "GITHUB_ACTIONS": "true",
                    "GITHUB_EVENT_NAME": event,
                    "GITHUB_REF": ref,
                    "GITHUB_WORKSPACE": str(werkplaats),
                    "RUNNER_TEMP": str(self.runner_temp),
                    "GITHUB_PATH": str(bestanden["path"]),
                    "GITHUB_ENV": str(bestanden["env"]),
                    "GITHUB_STEP_SUMMARY": str(werkplaats.parent / "job-summary.md"),
                }
            )
            env["PATH"] = os.pathsep.join([*self.extra_pad, env["PATH"]])
            resultaat = _bash(stap["run"], werkplaats / stap.get("working-directory", "."), env)
            self.extra_pad[:0] = reversed(bestanden["path"].read_text(encoding="utf-8").split())
            for regel in bestanden["env"].read_text(encoding="utf-8").splitlines():
                if "=" in regel:
                    k, v = regel.split("=", 1)
                    self.env[k] = v
            run.stappen.append(Stap(naam, resultaat.returncode, resultaat.stdout, resultaat.stderr))
            mislukt = resultaat.returncode != 0
        return run

    def _actie(self, stap: dict, naam: str, werkplaats: Path) -> Stap:
        actie = stap["uses"].split("@")[0]
        met = stap.get("with", {})
        if actie == "actions/checkout":
            return Stap(naam, 0)  # the test already laid out the repository in the workspace
        if actie == "actions/setup-python":
            versie = tuple(int(x) for x in str(met["python-version"]).split(".")[:2])
            assert versie >= (3, 10), "regioplan vraagt Python 3.10 of nieuwer"
            self.extra_pad.append(str(_python_map(self.tmp)))
            return Stap(naam, 0)
        if actie in ("actions/upload-artifact", "actions/upload-pages-artifact"):
            pad = werkplaats / re.sub(r"\$\{\{\s*env\.(\w+)\s*\}\}", lambda m: self.env[m[1]], met["path"])
            if not pad.exists() or not _uitvoer_bestanden(pad):
                return Stap(naam, 1, stderr=f"geen bestanden in {pad}")
            self.artefacten[met.get("name", "github-pages")] = pad
            return Stap(naam, 0)
        raise AssertionError(f"actie {actie} wordt in deze test niet nagebootst")


@pytest.fixture(scope="module")
def eerste_runs(tmp_path_factory) -> dict:
    """The first run of each configuration on the example data, both at once
    (each installs into a fresh venv).

    GitHub: a push to main (checkout, Python, install, valideer, bereken, rapport, upload).
    GitLab: a pipeline on main (job valideer, then job rapport).
    """
    gh = GithubRunner(tmp_path_factory.mktemp("github"))
    gl = GitlabPipeline(tmp_path_factory.mktemp("gitlab"))
    assert not (gl.tmp / "regioplan-venv").exists() and not (gh.runner_temp / "regioplan-venv").exists()
    gh_werkplaats = _maak_repository(gh.tmp / "push")
    gl_werkplaats = _maak_repository(gl.tmp / "main")
    with ThreadPoolExecutor(max_workers=2) as pool:
        gh_run = pool.submit(gh.draai, gh_werkplaats, "push")
        gl_jobs = pool.submit(gl.draai, gl_werkplaats, "push")
        return {
            "github": (gh, gh_run.result(), gh_werkplaats),
            "gitlab": (gl, gl_jobs.result(), gl_werkplaats),
        }


@pytest.fixture(scope="module")
def github(eerste_runs) -> tuple[GithubRunner, Run, Path]:
    return eerste_runs["github"]


def test_github_workflow_draait_bij_push_op_main(github):
    runner, run, werkplaats = github
    for stap in run.stappen:
        if stap.naam == "Verschil met de doelbranch":  # only on a pull request (tests/test_verschil_ci.py)
            assert stap.code is None
            continue
        assert stap.code == 0, f"stap '{stap.naam}' faalde ({stap.code}):\n{stap.stdout}\n{stap.stderr}"
    venv = runner.runner_temp / "regioplan-venv"
    assert "include-system-site-packages = false" in (venv / "pyvenv.cfg").read_text(encoding="utf-8")
    assert str(venv / "bin") in runner.extra_pad
    assert re.search(r"regioplan \d+\.\d+\.\d+", run.stap("Installeer regioplan").stdout)
    valideer = run.stap("Valideer de werkboeken")
    assert "::error" not in valideer.stdout
    assert valideer.stdout.startswith(
        "::warning file=werkboeken/"
    )  # the example data has deliberate, explained exceptions
    assert "## regioplan valideer" in (werkplaats.parent / "job-summary.md").read_text(encoding="utf-8")
    assert "Almelo" in run.stap("Bereken").stdout
    artefact = runner.artefacten["regioplan-rapporten"]
    bestanden = _uitvoer_bestanden(artefact)
    assert "resultaten.xlsx" in bestanden
    assert any(n.endswith(".html") for n in bestanden) and any(n.endswith(".md") for n in bestanden), (
        bestanden
    )
    # REGIO: alle - every regio and the provincial verslag, whatever the province
    assert {
        "regionaal-plan-twente.html",
        "regionaal-plan-ijsselland.html",
        "provinciaal-verslag-overijssel.html",
    } <= (bestanden)


def test_github_workflow_triggers(github):
    runner, _run, _ = github
    on = runner.on
    assert f"{runner.env['WERKBOEKEN']}/**" in on["pull_request"]["paths"]
    assert on["push"]["branches"] == ["main"]
    assert runner.env["REGIOPLAN_BRON"] == "./regioplan"  # the layout the handleiding describes


def test_github_rapporten_alleen_als_artefact_vanaf_main(github):
    runner, _run, _ = github
    stap = next(s for s in runner.job["steps"] if s.get("name") == "Rapporten bewaren")
    assert not _github_als(stap["if"], "pull_request", "refs/pull/1/merge", mislukt=False)
    assert _github_als(stap["if"], "push", "refs/heads/main", mislukt=False)
    assert not _github_als(stap["if"], "push", "refs/heads/main", mislukt=True)  # never after a failed check


def test_github_publiceert_de_publicatiemap_op_pages(github):
    runner, run, _ = github
    site = _uitvoer_bestanden(runner.artefacten["github-pages"])
    assert {"index.html", "regionaal-plan-ijsselland.pdf", "provinciaal-verslag-overijssel.docx"} <= site
    pages = runner.workflow["jobs"]["pages"]
    assert pages["needs"] == runner.jobnaam and pages["environment"]["name"] == "github-pages"
    assert pages["permissions"] == {"pages": "write", "id-token": "write"}
    assert [s["uses"].split("@")[0] for s in pages["steps"]] == ["actions/deploy-pages"]
    assert not _github_als(pages["if"], "pull_request", "refs/pull/1/merge", mislukt=False)
    assert _github_als(pages["if"], "push", "refs/heads/main", mislukt=False)


def test_github_pull_request_met_kapot_werkboek_geeft_annotaties(github, tmp_path):
    runner, _run, _ = github
    werkplaats = _maak_repository(tmp_path / "pr", kapot=True)
    run = runner.draai(werkplaats, "pull_request", vanaf_stap=_na_installatie(runner))
    valideer = run.stap("Valideer de werkboeken")
    assert valideer.code == 1, valideer.stderr
    fouten = [r for r in valideer.stdout.splitlines() if r.startswith("::error ")]
    codes = {re.search(r"title=([\w-]+)", r)[1] for r in fouten}
    assert {"getal-tekst", "datum-ongeldig", "keuze-onbekend"} <= codes, valideer.stdout
    assert all(r.startswith("::error file=werkboeken/almelo.xlsx,") and "Hint: " in r for r in fouten), fouten
    assert " 0 fouten" not in valideer.stderr and "fouten" in valideer.stderr
    assert (
        run.stap("Bereken").code is None
        and run.stap("Rapport").code is None
        and run.stap("Rapporten bewaren").code is None
    )
    samenvatting = (werkplaats.parent / "job-summary.md").read_text(encoding="utf-8")
    assert "`datum-ongeldig`" in samenvatting and "almelo.xlsx" in samenvatting


def _na_installatie(runner: GithubRunner) -> int:
    namen = [s.get("name", "") for s in runner.job["steps"]]
    return next(i for i, n in enumerate(namen) if n.startswith("Installeer")) + 1


# --- GitLab CI ----------------------------------------------------------------------------------------------

GEEN_JOB = {
    "variables",
    "stages",
    "default",
    "workflow",
    "include",
    "image",
    "services",
    "before_script",
    "after_script",
    "cache",
}


def _gitlab_als(expressie: str, env: dict[str, str]) -> bool:
    e = re.sub(r"\$(\w+)", lambda m: repr(env.get(m[1])), expressie)
    e = e.replace("&&", " and ").replace("||", " or ").replace('"', "'")
    rest = re.sub(r"'[^']*'|None|==|!=|\band\b|\bor\b|[()\s]", "", e)
    assert not rest, f"onbekende expressie in .gitlab-ci.yml: {expressie!r}"
    return bool(eval(e, {"__builtins__": {}}, {}))


class GitlabPipeline:
    def __init__(self, tmp: Path, config: dict | None = None) -> None:
        self.config = config or yaml.safe_load(GITLAB.read_text(encoding="utf-8"))
        self.config.setdefault("stages", ["build", "test", "deploy"])  # GitLab's default stages
        self.tmp = tmp
        self.variabelen = {k: str(v) for k, v in self.config.get("variables", {}).items()}
        self.jobs = {
            k: {
                **self.config.get(v.get("extends", ""), {}),
                **v,
            }  # `extends:` one hidden job, as the template does
            for k, v in self.config.items()
            if k not in GEEN_JOB and not k.startswith(".")
        }

    def draai(self, werkplaats: Path, bron: str) -> dict[str, Stap]:
        """A pipeline for ``bron`` (push to main, or merge_request_event): jobs per stage, stop after a
        failure."""
        ci = {
            "GITLAB_CI": "true",
            "CI_PROJECT_DIR": str(werkplaats),
            "CI_DEFAULT_BRANCH": "main",
            "CI_PIPELINE_SOURCE": bron,
        }
        if bron == "push":
            ci["CI_COMMIT_BRANCH"] = "main"
        else:
            ci["CI_MERGE_REQUEST_IID"] = "1"
        env = _basisomgeving(self.tmp)
        env.update(self.variabelen)
        env.update(ci)
        afbeelding = next(
            j.get("image") for j in [*self.jobs.values(), self.config.get("default", {})] if j.get("image")
        )
        assert (
            re.fullmatch(r"python:3\.(\d+)(-slim)?", afbeelding)
            and int(afbeelding.split(".")[1].split("-")[0]) >= 10
        )
        env["PATH"] = os.pathsep.join(
            [str(_python_map(self.tmp)), env["PATH"]]
        )  # what the python image provides
        resultaten: dict[str, Stap] = {}
        for stage in self.config["stages"]:
            for naam, job in self.jobs.items():
                if job.get("stage", "test") != stage or not self._regels(job, env):
                    continue
                if any(s.code for s in resultaten.values()):
                    resultaten[naam] = Stap(naam, None)
                    continue
                script = [
                    *job.get("before_script", self.config.get("default", {}).get("before_script", [])),
                    *job["script"],
                ]
                r = _bash("\n".join(script), werkplaats, {**env, **job.get("variables", {})})
                resultaten[naam] = Stap(naam, r.returncode, r.stdout, r.stderr)
                self._artefacten(job, werkplaats, r.returncode)
        return resultaten

    def _regels(self, job: dict, env: dict[str, str]) -> bool:
        for regel in job.get("rules", [{}]):
            if "if" in regel and not _gitlab_als(regel["if"], env):
                continue
            for patroon in regel.get("changes", []):  # the test's changes are workbooks
                patroon = re.sub(r"\$(\w+)", lambda m: self.variabelen[m[1]], patroon)
                assert patroon.startswith(self.variabelen["WERKBOEKEN"] + "/"), patroon
            return regel.get("when", "on_success") != "never"
        return False

    def _artefacten(self, job: dict, werkplaats: Path, code: int) -> None:
        artefacten = job.get("artifacts", {})
        if code and artefacten.get("when") not in ("always", "on_failure"):
            return
        for pad in [*artefacten.get("reports", {}).values(), *artefacten.get("paths", [])]:
            pad = re.sub(r"\$(\w+)", lambda m: self.variabelen[m[1]], pad)
            assert (werkplaats / pad).exists(), f"artefact {pad} ontbreekt"


def test_gitlab_pipeline_op_main(eerste_runs):
    gitlab, jobs, werkplaats = eerste_runs["gitlab"]
    venv = gitlab.tmp / "regioplan-venv"
    assert set(jobs) == {"valideer", "rapport", "pages"}
    for job in jobs.values():
        assert job.code == 0, f"job {job.naam} faalde:\n{job.stdout}\n{job.stderr}"
    assert "include-system-site-packages = false" in (venv / "pyvenv.cfg").read_text(encoding="utf-8")
    assert re.search(r"regioplan \d+\.\d+\.\d+", jobs["valideer"].stdout)
    suite = ET.parse(werkplaats / "valideer-junit.xml").getroot()
    assert suite.get("failures") == "0" and int(suite.get("tests")) >= 26
    assert "Overzicht per bestand" in jobs["valideer"].stdout  # the readable run in the log
    bestanden = _uitvoer_bestanden(werkplaats / "uitvoer")
    assert "resultaten.xlsx" in bestanden
    assert any(n.endswith(".html") for n in bestanden) and any(n.endswith(".md") for n in bestanden), (
        bestanden
    )
    site = _uitvoer_bestanden(werkplaats / "public")  # GitLab Pages publishes the folder public/
    assert {"index.html", "provinciaal-verslag-overijssel.pdf", "regionaal-plan-twente.docx"} <= site


def test_gitlab_merge_request_met_kapot_werkboek_geeft_junit_met_fouten(eerste_runs):
    gitlab = eerste_runs["gitlab"][0]
    werkplaats = _maak_repository(gitlab.tmp / "mr", kapot=True)
    jobs = gitlab.draai(werkplaats, "merge_request_event")
    assert set(jobs) == {
        "valideer",
        "verschil",
    }  # no reports from a merge request (verschil: test_verschil_ci)
    assert jobs["valideer"].code == 1, jobs["valideer"].stderr
    suite = ET.parse(werkplaats / "valideer-junit.xml").getroot()
    assert suite.get("failures") == "1"
    almelo = next(c for c in suite.iter("testcase") if c.get("name") == "almelo.xlsx")
    tekst = almelo.find("failure").text
    assert (
        "getal-tekst Asiel!B2" in tekst
        and "datum-ongeldig Asiel!E2" in tekst
        and "keuze-onbekend Asiel!D3" in tekst
    )
    assert "FOUT Asiel!B2 [getal-tekst]" in jobs["valideer"].stdout


# --- the reusable GitHub Action (action.yml) and the GitLab template (ci/regioplan.gitlab-ci.yml) -----------

ACTION = REPO / "action.yml"
GITLAB_SJABLOON = REPO / "ci" / "regioplan.gitlab-ci.yml"


def test_action_yml_volgt_het_schema_van_github():
    """The metadata GitHub requires of a composite action (docs: metadata syntax for GitHub Actions)."""
    actie = yaml.safe_load(ACTION.read_text(encoding="utf-8"))
    assert {"name", "description", "runs"} <= set(actie) and set(actie) <= {
        "name",
        "description",
        "author",
        "branding",
        "inputs",
        "outputs",
        "runs",
    }
    for naam, invoer in actie["inputs"].items():
        assert re.fullmatch(r"[a-z][a-z0-9-]*", naam) and invoer["description"], naam
        assert set(invoer) <= {"description", "required", "default", "deprecationMessage"}
    assert set(actie["inputs"]) >= {"werkboeken", "regio", "faal-op"}
    assert actie["runs"]["using"] == "composite"
    for stap in actie["runs"]["steps"]:
        assert ("uses" in stap) != ("run" in stap), stap
        if "run" in stap:
            assert stap["shell"] == "bash", stap["name"]  # composite run steps must name their shell
            assert "${{" not in stap["run"], "inputs via env:, never pasted into the script (injection)"
    for uitvoer in actie.get("outputs", {}).values():
        assert uitvoer["description"] and uitvoer["value"]


class ActieRunner:
    """Runs the composite action's steps as GitHub would for ``uses: ./regioplan`` with ``with:`` inputs."""

    def __init__(self, tmp: Path) -> None:
        self.actie = yaml.safe_load(ACTION.read_text(encoding="utf-8"))
        self.tmp = tmp
        self.runner_temp = tmp / "runner-temp"
        self.runner_temp.mkdir()
        self.env = _basisomgeving(tmp)
        self.extra_pad: list[str] = []

    def draai(self, werkplaats: Path, met: dict[str, str], vanaf_stap: int = 0) -> Run:
        invoer = {k: str(v.get("default", "")) for k, v in self.actie["inputs"].items()} | met
        context = {"inputs": invoer, "github": {"action_path": str(werkplaats / "regioplan")}}

        def vul(tekst: str) -> str:
            return re.sub(
                r"\$\{\{\s*(\w+)\.([\w-]+)\s*\}\}", lambda m: context[m[1]][m[2]], str(tekst)
            )  # only inputs.* and github.action_path: anything else fails with a KeyError

        run = Run()
        for stap in self.actie["runs"]["steps"][vanaf_stap:]:
            if run.stappen and run.stappen[-1].code:
                run.stappen.append(Stap(stap["name"], None))
                continue
            if "uses" in stap:
                assert stap["uses"].split("@")[0] == "actions/setup-python"
                assert tuple(int(x) for x in vul(stap["with"]["python-version"]).split(".")[:2]) >= (3, 10)
                self.extra_pad.append(str(_python_map(self.tmp)))
                run.stappen.append(Stap(stap["name"], 0))
                continue
            pad = self.runner_temp / f"path-{len(run.stappen)}"
            pad.write_text("", encoding="utf-8")
            env = dict(self.env, **{k: vul(v) for k, v in stap.get("env", {}).items()})
            env.update(
                {
                    "RUNNER_TEMP": str(self.runner_temp),
                    "GITHUB_PATH": str(pad),
                    "GITHUB_STEP_SUMMARY": str(werkplaats.parent / "job-summary.md"),
                    "PATH": os.pathsep.join([*self.extra_pad, self.env["PATH"]]),
                }
            )
            r = _bash(stap["run"], werkplaats, env)
            self.extra_pad[:0] = reversed(pad.read_text(encoding="utf-8").split())
            run.stappen.append(Stap(stap["name"], r.returncode, r.stdout, r.stderr))
        return run


def test_action_installeert_valideert_en_schrijft_rapporten(tmp_path):
    runner = ActieRunner(tmp_path)
    werkplaats = _maak_repository(tmp_path / "repo")
    run = runner.draai(werkplaats, {"werkboeken": "werkboeken", "regio": "twente overijssel"})
    for stap in run.stappen:
        assert stap.code == 0, f"{stap.naam}:\n{stap.stdout}\n{stap.stderr}"
    assert run.stap("Valideer de werkboeken").stdout.startswith("::warning file=werkboeken/")
    assert "configuratie: " in run.stap("Valideer de werkboeken").stderr
    bestanden = _uitvoer_bestanden(werkplaats / "uitvoer")
    assert {
        "resultaten.xlsx",
        "regionaal-plan-twente.html",
        "provinciaal-verslag-overijssel.html",
    } <= bestanden
    assert "regionaal-plan-ijsselland.html" not in bestanden

    # fail policy: warnings fail the check, and then no reports are written
    werkplaats2 = _maak_repository(tmp_path / "repo2")
    na_installatie = 2
    run = runner.draai(werkplaats2, {"faal-op": "waarschuwing"}, vanaf_stap=na_installatie)
    assert run.stap("Valideer de werkboeken").code == 1
    assert run.stap("Bereken en schrijf de rapporten").code is None
    assert not (werkplaats2 / "uitvoer").exists()


def test_gitlab_sjabloon_met_include(tmp_path):
    """A coordinator's .gitlab-ci.yml that includes the template and sets two variables."""
    sjabloon = yaml.safe_load(GITLAB_SJABLOON.read_text(encoding="utf-8"))
    assert {"regioplan-valideer", "regioplan-rapport", ".regioplan"} <= set(sjabloon)
    assert "default" not in sjabloon and "stages" not in sjabloon  # never overrides the including pipeline
    eigen = {"variables": {"WERKBOEKEN": "werkboeken", "REGIO": "twente"}}
    config = {**sjabloon, "variables": {**sjabloon["variables"], **eigen["variables"]}}
    pipeline = GitlabPipeline(tmp_path, config)
    werkplaats = _maak_repository(tmp_path / "main")
    jobs = pipeline.draai(werkplaats, "push")
    assert set(jobs) == {"regioplan-valideer", "regioplan-rapport"}
    for job in jobs.values():
        assert job.code == 0, f"{job.naam}:\n{job.stdout}\n{job.stderr}"
    assert {"resultaten.xlsx", "regionaal-plan-twente.html"} <= _uitvoer_bestanden(werkplaats / "uitvoer")
    kapot = _maak_repository(tmp_path / "mr", kapot=True)
    jobs = pipeline.draai(kapot, "merge_request_event")
    assert set(jobs) == {"regioplan-valideer"} and jobs["regioplan-valideer"].code == 1
