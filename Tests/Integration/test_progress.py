"""The progress line: on a terminal it appears, updates and is erased before
the report; piped, or with --quiet, there is none. The terminal is a tmux
pane, a real pseudo-terminal."""
import json
import re
import subprocess
import time
import uuid

from conftest import ASYL, copy_content

PROGRESS = re.compile(r"asyl: (reading|checking) (\d+)/(\d+) entries")


def run_in_tmux(command, seconds=60):
    """Runs `command` in a detached tmux pane; returns every distinct screen seen while it ran, and the last."""
    session = "asyl-" + uuid.uuid4().hex[:8]
    subprocess.run(["tmux", "new-session", "-d", "-s", session, "-x", "200", "-y", "50",
                    f"{command}; echo ASYL-EXIT-$?; sleep 60"], check=True)
    screens = []
    try:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            screen = subprocess.run(["tmux", "capture-pane", "-p", "-t", session],
                                    capture_output=True, text=True).stdout
            if not screens or screens[-1] != screen:
                screens.append(screen)
            if "ASYL-EXIT-" in screen:
                return screens
            time.sleep(0.03)
        raise AssertionError("the command did not end: " + screens[-1])
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session])


def test_on_a_terminal_the_progress_line_appears_updates_and_is_erased(corpus_2k):
    screens = run_in_tmux(f"NO_COLOR=1 {ASYL} check {corpus_2k} --no-cache")
    lines = [m.group(0) for screen in screens for m in PROGRESS.finditer(screen)]
    assert len(set(lines)) >= 2, screens
    done = [int(m.group(2)) for line in lines for m in [PROGRESS.search(line)]]
    assert any(0 < d < 2000 for d in done), lines
    last = screens[-1]
    assert PROGRESS.search(last) is None, last
    # The report starts at the left margin of a clean line.
    assert re.search(r"^entries/\S+:\d+:\d+: error: ", last, re.M) or "by rule:" in last, last
    assert "ASYL-EXIT-1" in last


def test_quiet_and_piped_output_have_no_progress_line(asyl, corpus_2k):
    screens = run_in_tmux(f"NO_COLOR=1 {ASYL} check {corpus_2k} --no-cache --quiet")
    assert not any(PROGRESS.search(screen) for screen in screens), screens
    piped = asyl("check", corpus_2k, "--no-cache")
    assert "\r" not in piped.stderr and "\x1b" not in piped.stderr + piped.stdout
    assert not PROGRESS.search(piped.stderr + piped.stdout)


def test_the_text_report_shows_the_first_findings_of_each_rule_and_counts_the_rest(asyl, corpus_2k):
    report = asyl("check", corpus_2k, "--no-cache")
    shown = re.findall(r"^\S+:\d+:\d+: warning: .*\[untranslated-link\]$", report.stdout, re.M)
    assert len(shown) == 20
    summary = re.search(r"^  untranslated-link +(\d+) warnings \((\d+) not shown\)$", report.stdout, re.M)
    assert summary and int(summary.group(1)) - int(summary.group(2)) == 20
    assert "`--max-findings 0` shows all" in report.stdout
    every = asyl("check", corpus_2k, "--no-cache", "--max-findings", "0")
    assert len(re.findall(r"\[untranslated-link\]$", every.stdout, re.M)) == int(summary.group(1))
    assert "not shown" not in every.stdout
    # The exit status and the machine-readable report do not change.
    assert report.returncode == every.returncode == 1
    found = json.loads(asyl("check", corpus_2k, "--no-cache", "--format", "json", "--max-findings", "1").stdout)
    assert sum(f["rule"] == "untranslated-link" for f in found["findings"]) == int(summary.group(1))


def test_check_watch_checks_again_on_every_save(tmp_path):
    source = tmp_path / "content"
    copy_content(source)
    session = "asyl-" + uuid.uuid4().hex[:8]
    subprocess.run(["tmux", "new-session", "-d", "-s", session, "-x", "200", "-y", "50",
                    f"NO_COLOR=1 {ASYL} check {source} --no-cache --watch"], check=True)

    def screen():
        return subprocess.run(["tmux", "capture-pane", "-p", "-t", session], capture_output=True, text=True).stdout

    def wait_for(text, seconds=20):
        deadline = time.monotonic() + seconds
        while text not in screen():
            assert time.monotonic() < deadline, screen()
            time.sleep(0.1)

    try:
        wait_for("save a file to check again")
        assert "0 errors" in screen()
        kazakh = source / "entries" / "places" / "kazakhstan.kk.md"
        kazakh.write_text(kazakh.read_text(encoding="utf-8").replace("[[abai-region]]", "[[abai-regon]]"), encoding="utf-8")
        wait_for("[broken-link]")
        assert "1 error" in screen()
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session])


def test_check_watch_is_for_a_terminal(asyl):
    result = asyl("check", "content", "--watch")
    assert result.returncode == 2 and "--watch is for a terminal" in result.stderr
