"""The options tree: defaults, claimgraph.toml, --set, flags over the file, `claimgraph config`."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace

import pytest

import claimgraph
from claimgraph import limits
from claimgraph.cli_common import build_options, override
from claimgraph.config import ConfigError, load_config, parse_setting, to_toml, with_values
from claimgraph.link.stories import StoryIndex
from claimgraph.options import ExtractOptions, LinkOptions, Options, ReadOptions, StoryOptions

CLI = [sys.executable, "-m", "claimgraph"]


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([*CLI, *args], capture_output=True, text=True, timeout=600)


def write(tmp_path, text: str):
    path = tmp_path / "claimgraph.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_are_the_values_a_run_had_without_flags():
    o = Options()
    assert (o.read.max_file_bytes, o.read.max_record_bytes, o.read.max_text_chars) == \
        (limits.MAX_FILE_BYTES, limits.MAX_RECORD_BYTES, limits.MAX_TEXT_CHARS)
    assert (o.clean.doc_timeout, o.clean.dedup_threshold) == (limits.DOC_TIMEOUT, 0.8)
    assert o.extract == ExtractOptions(batch_size=32, n_process=0, engine="local", parse_less=False)
    assert o.link.enabled and o.link.stories.threshold == 0.17 and o.link.compare.max_cross_doc_ratio == 2.0
    assert o.store.db is None
    assert StoryIndex().opts == o.link.stories and StoryIndex(window_days=9).opts.window_days == 9


def test_sections_are_frozen():
    with pytest.raises(AttributeError):
        Options().extract.batch_size = 2  # type: ignore[misc]


def test_toml_round_trip_of_defaults_and_of_changed_values(tmp_path):
    assert load_config(write(tmp_path, to_toml(Options()))) == Options()
    changed = with_values(Options(), {"read.fields": {"text": "body text", "id": 'a"b'}, "store.db": "x.db",
                                      "link.stories.threshold": 0.31, "extract.parse_less": True,
                                      "read.max_line_bytes": 5000, "link.compare.sweep_limit": 7})
    text = to_toml(changed)
    assert "threshold = 0.31" in text and "[link.compare]" in text
    assert load_config(write(tmp_path, text)) == changed


def test_a_file_changes_only_what_it_names(tmp_path):
    path = write(tmp_path, "[extract]\nn_process = 2\n\n[link.stories]\nthreshold = 0.5\nwindow_days = 7\n")
    o = load_config(path)
    assert o.extract.n_process == 2 and o.extract.batch_size == 32
    assert o.link.stories == StoryOptions(threshold=0.5, window_days=7)
    assert o.read == ReadOptions()


@pytest.mark.parametrize(("text", "message"), [
    ("[extract]\nbatchsize = 2\n", "unknown key 'extract.batchsize'"),
    ("[nonsense]\nx = 1\n", "unknown key 'nonsense'"),
    ("progress = false\n", "unknown key 'progress'"),
    ("[extract]\nbatch_size = \"many\"\n", "extract.batch_size: expected an integer"),
    ("[extract]\nbatch_size = true\n", "extract.batch_size: expected an integer"),
    ("[extract]\nbatch_size = 0\n", "below the minimum 1"),
    ("[read]\nmax_text_chars = 9000000\n", "above the maximum 5000000"),
    ("[link]\nstories = 3\n", "link.stories: expected a table"),
    ("[read]\nfields = {text = 3}\n", "read.fields: expected a table of strings"),
    ("[extract\n", "not valid TOML"),
])
def test_bad_files_fail_with_one_line_naming_the_key(tmp_path, text, message):
    with pytest.raises(ConfigError, match=message) as e:
        load_config(write(tmp_path, text))
    assert "\n" not in str(e.value) and str(tmp_path) in str(e.value)


def test_ints_are_accepted_for_floats():
    assert with_values(Options(), {"clean.doc_timeout": 5}).clean.doc_timeout == 5.0


def test_set_values_are_toml_or_bare_strings():
    assert parse_setting("link.stories.threshold=0.2") == ("link.stories.threshold", 0.2)
    assert parse_setting("extract.parse_less=true") == ("extract.parse_less", True)
    assert parse_setting("store.db=my.db") == ("store.db", "my.db")
    assert parse_setting('store.db="a b.db"') == ("store.db", "a b.db")
    with pytest.raises(ConfigError):
        parse_setting("nothing")


def test_flags_win_over_set_which_wins_over_the_file(tmp_path):
    path = write(tmp_path, '[extract]\nbatch_size = 8\nn_process = 3\n[store]\ndb = "file.db"\n')
    o = build_options(path, ["extract.batch_size=4"])
    assert (o.extract.batch_size, o.extract.n_process, o.store.db) == (4, 3, "file.db")
    o = override(o, {"extract.batch_size": 2, "store.db": "flag.db"})
    assert (o.extract.batch_size, o.extract.n_process, o.store.db) == (2, 3, "flag.db")
    assert build_options().store.db == "claimgraph.db"  # the CLI's default store


def test_config_command_prints_toml_that_feeds_back(tmp_path):
    proc = run("config")
    assert proc.returncode == 0, proc.stderr
    path = write(tmp_path, proc.stdout)
    assert load_config(path) == replace(Options(), store=replace(Options().store, db="claimgraph.db"))
    path = write(tmp_path, "[link.stories]\nthreshold = 0.42\n")
    proc = run("config", "--config", str(path), "--set", "extract.n_process=3")
    assert proc.returncode == 0, proc.stderr
    assert "threshold = 0.42" in proc.stdout and "n_process = 3" in proc.stdout


def test_config_command_rejects_bad_keys_with_exit_2(tmp_path):
    path = write(tmp_path, "[link.stories]\nthreshhold = 0.42\n")
    for args in (["config", "--config", str(path)], ["analyze", "x", "--config", str(path)],
                 ["report", "--config", str(path)], ["config", "--set", "extract.n_process=many"]):
        proc = run(*args)
        assert proc.returncode == 2, args
        assert len(proc.stderr.strip().splitlines()) == 1 and "error:" in proc.stderr, proc.stderr
    assert "threshhold" in run("config", "--config", str(path)).stderr


def test_store_commands_take_the_store_from_the_file(tmp_path):
    path = write(tmp_path, f'[store]\ndb = "{tmp_path / "missing.db"}"\n')
    proc = run("report", "--config", str(path))
    assert proc.returncode == 2 and "missing.db: no such store" in " ".join(proc.stderr.split())


def test_a_text_limit_in_the_file_skips_long_documents(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "long.txt").write_text("Storm\n\n" + "The mayor said 30 trees fell. " * 20)
    path = write(tmp_path, "[read]\nmax_text_chars = 100\n[link]\nenabled = false\n")
    proc = run("analyze", str(tmp_path / "in"), "--db", str(tmp_path / "cg.db"), "--config", str(path), "-q")
    assert proc.returncode == 1 and "long.txt" in proc.stderr and "skipped" in proc.stderr


@pytest.mark.model
def test_story_and_compare_settings_change_the_analysis(tmp_path, examples_dir):
    default = claimgraph.analyze([examples_dir])
    assert any(len(s.documents) > 1 for s in default.stories)
    assert any(c.verdict == "consistent" for c in default.comparisons)
    # nothing is similar enough to join a story, and no evidence is enough to agree
    strict = Options(link=LinkOptions(stories=StoryOptions(threshold=1.01, undated_threshold=1.01,
                                                           rejoin_threshold=1.01)))
    strict = with_values(strict, {"link.compare.agree_score": 99, "link.compare.related_agree_score": 99})
    alone = claimgraph.analyze([examples_dir], options=strict)
    assert all(len(s.documents) == 1 for s in alone.stories)
    assert not any(c.verdict == "consistent" for c in alone.comparisons)
    # the same through the command line: the file, then a flag over it
    path = write(tmp_path, to_toml(strict))
    out = tmp_path / "out.json"
    proc = run("analyze", str(examples_dir), "--db", str(tmp_path / "cg.db"), "--json", str(out),
               "--config", str(path), "--no-link", "-q")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(out.read_text())["stories"] == []  # --no-link won over the file's link.enabled
    proc = run("analyze", str(examples_dir), "--db", str(tmp_path / "cg2.db"), "--json", str(out),
               "--config", str(path), "-q")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(out.read_text())
    assert data["stories"] and all(len(s["documents"]) == 1 for s in data["stories"])
