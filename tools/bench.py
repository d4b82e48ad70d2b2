#!/usr/bin/env python3
"""make bench: Asyl against Pandoc, Hugo and the floor, on generated corpora.

Corpora come from ../shared/tools/gen-corpus.py (deterministic) and are kept
under build/bench/ between runs. Each command is timed with /usr/bin/time -v
(wall, user+sys, peak RSS); the median of --runs runs is reported. The table
goes to stdout and to build/bench/report.md.

    python3 tools/bench.py            # 1,000 and 10,000 entries, Pandoc on both
    python3 tools/bench.py --quick    # skips Pandoc on 10,000 entries
    python3 tools/bench.py --baseline origin/main   # also every Asyl row with that revision's build

With --baseline REV, REV is checked out beside the project (build/bench/baseline,
a git worktree) and built there with its own .build folder; each Asyl row runs
both binaries in the same run, and '× baseline' is this tree's wall time over
the baseline's.

Cold builds start without a render cache (OUT/.cache is deleted before each
run); rebuilds keep the cache the build before them left. Pandoc takes about
13 minutes a run on 10,000 entries here, so it runs there --pandoc-runs times
(default 1), and --runs times on 1,000.

The web rows build the corpus's web edition (its asyl.yaml lists `web` among the
edition's formats) into an empty folder, and Hugo (Debian's) the same Markdown files
with a minimal theme (build/bench/hugo-cNk/: one template for a page, one for a list)
into an empty folder; then the same Pagefind command indexes each site, in rows of
their own. '× Hugo' is an Asyl web row's wall time over the matching Hugo row's.

The preview rows start `asyl serve` on content/ and on each corpus, open an entry's
page in headless Chromium, and time, --runs times, from writing a new sentence into
the entry's kk file to that sentence being on the page, reloaded by the preview.
"""
import argparse
import os
import pathlib
import re
import shutil
import statistics
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[1]
ASYL = ROOT / ".build" / "release" / "asyl"
BENCH = ROOT / "build" / "bench"
GENERATOR = ROOT.parent / "shared" / "tools" / "gen-corpus.py"
LANGUAGES = ["kk", "ru", "en"]
PAGEFIND = "python3 -m pagefind"

# Hugo's minimal theme: each entry's page (its title, summary and body), and each
# section's list of its pages; Pagefind indexes what the page marks as its body.
HUGO_LAYOUTS = {
    "baseof.html": '<!DOCTYPE html>\n<html lang="{{ .Language.Lang }}"><head><meta charset="utf-8">'
                   '<title>{{ .Title }}</title></head>\n<body><main>{{ block "main" . }}{{ end }}</main></body></html>\n',
    "single.html": '{{ define "main" }}<article data-pagefind-body><h1>{{ .Title }}</h1>'
                   '<p>{{ .Params.summary }}</p>{{ .Content }}</article>{{ end }}\n',
    "list.html": '{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}'
                 '<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}\n',
}


class Measure:
    def __init__(self, wall, cpu, rss_kb):
        self.wall, self.cpu, self.rss_kb = wall, cpu, rss_kb


def without_cache(out):
    """Before a cold run: no render cache from the run before."""
    return lambda: shutil.rmtree(out / ".cache", ignore_errors=True)


def timed(command, runs, before=None, cwd=ROOT):
    """Median (by wall time) of `runs` runs of a shell command under /usr/bin/time -v."""
    results = []
    for _ in range(runs):
        if before:
            before()
        with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
            run = subprocess.run(["/usr/bin/time", "-v", "-o", report.name, "bash", "-c", command], cwd=cwd,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
            text = report.read()
        # A failing command's time measures nothing (an edit that stops the build is not one of the rows).
        if run.returncode != 0:
            sys.exit(f"bench: failed ({run.returncode}): {command}\n{run.stderr.decode(errors='replace')[-2000:]}")
        wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", text).group(1)
        parts = [float(p) for p in wall.split(":")]
        seconds = sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
        cpu = float(re.search(r"User time \(seconds\): (\S+)", text).group(1)) + \
            float(re.search(r"System time \(seconds\): (\S+)", text).group(1))
        rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1))
        results.append(Measure(seconds, cpu, rss))
    results.sort(key=lambda m: m.wall)
    return results[len(results) // 2]


def corpus(entries):
    path = BENCH / f"c{entries // 1000}k"
    if not (path / "asyl.yaml").exists():
        subprocess.run(["python3", str(GENERATOR), "--entries", str(entries), "--out", str(path)], check=True)
    # The edition is also built as web (the book rows name their format).
    configuration = path / "asyl.yaml"
    text = configuration.read_text(encoding="utf-8")
    formats = re.search(r"^(\s*formats: \[)([^\]]*)\]", text, flags=re.M)
    if not formats:
        sys.exit(f"bench: {configuration} names no edition's formats; the generator changed")
    if "web" not in formats.group(2):
        configuration.write_text(text[:formats.end(2)] + ", web" + text[formats.end(2):], encoding="utf-8")
    return path


def hugo_site(tree, entries):
    """A Hugo project whose content is the corpus's entry files, in its three languages."""
    site = BENCH / f"hugo-c{entries // 1000}k"
    (site / "layouts" / "_default").mkdir(parents=True, exist_ok=True)
    for name, text in HUGO_LAYOUTS.items():
        (site / "layouts" / "_default" / name).write_text(text, encoding="utf-8")
    languages = "".join(f"[languages.{language}]\nweight = {i + 1}\n" for i, language in enumerate(LANGUAGES))
    (site / "config.toml").write_text(
        f'baseURL = "http://127.0.0.1/"\ncontentDir = "{tree / "entries"}"\ndefaultContentLanguage = "{LANGUAGES[0]}"\n'
        'defaultContentLanguageInSubdir = true\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n' + languages,
        encoding="utf-8")
    return site


def removing(*paths):
    """Before a run: these folders deleted."""
    return lambda: [shutil.rmtree(path, ignore_errors=True) for path in paths]


def web_rows(measures, asyl, tree, out, entries, runs):
    """The web edition against Hugo, each followed by the same Pagefind indexing."""
    site = out / "synthetic" / "web"
    build = f"'{asyl}' build '{tree}' --out '{out}' --format web"
    measures["build web (kk, ru, en), without the search index"] = timed(
        build + " --no-search-index", runs, before=removing(out))
    measures["Pagefind on Asyl's site"] = timed(
        f"{PAGEFIND} --site '{site}' --output-path '{out / 'pagefind'}' --quiet", runs, before=removing(out / "pagefind"))
    measures["build web (kk, ru, en), with the search index"] = timed(build, runs, before=removing(out))
    edit = Edit(tree, "body")
    try:
        measures["rebuild web after one body edit, without the search index"] = timed(
            build + " --no-search-index", runs, before=edit)
        measures["rebuild web after one body edit, with the search index"] = timed(build, runs, before=edit)
    finally:
        edit.restore()
    hugo = hugo_site(tree, entries)
    public = hugo / "public"
    measures["hugo (kk, ru, en), the same Markdown, a minimal theme"] = timed(
        f"hugo --quiet --source '{hugo}' --destination '{public}'", runs, before=removing(public, hugo / "resources"))
    measures["Pagefind on Hugo's site"] = timed(
        f"{PAGEFIND} --site '{public}' --output-path '{hugo / 'pagefind'}' --quiet", runs,
        before=removing(hugo / "pagefind"))


def preview_row(measures, asyl, tree, name, runs):
    """Seconds from saving an entry's kk file to the page in Chromium showing the change (asyl serve)."""
    import socket
    import time
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    files = version_files(tree, "kk")
    file = pathlib.Path(files[len(files) // 2])
    original = file.read_text(encoding="utf-8")
    log = tempfile.NamedTemporaryFile("w+", suffix=".log")
    server = subprocess.Popen([str(asyl), "serve", str(tree), "--port", str(port)], stdout=log, stderr=subprocess.STDOUT)
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]:
        options.add_argument(argument)
    driver = None
    try:
        while "serving http://" not in pathlib.Path(log.name).read_text():
            if server.poll() is not None:
                sys.exit("asyl serve stopped: " + pathlib.Path(log.name).read_text())
            time.sleep(0.1)
        driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
        driver.get(f"http://127.0.0.1:{port}/kk/{file.name.split('.')[0]}/")
        seconds = []
        for run in range(runs):
            sentence = f"Өлшеу сөйлемі {run}."
            start = time.monotonic()
            file.write_text(original + f"\n{sentence}\n", encoding="utf-8")
            while sentence not in (driver.execute_script("return document.body && document.body.innerText") or ""):
                if time.monotonic() - start > 60:
                    sys.exit("the preview did not show the edit within 60 s: " + pathlib.Path(log.name).read_text())
                time.sleep(0.01)
            seconds.append(time.monotonic() - start)
            time.sleep(0.5)
        measures[name] = Measure(statistics.median(seconds), 0, 0)
    finally:
        file.write_text(original, encoding="utf-8")
        if driver:
            driver.quit()
        server.terminate()
        server.wait()


# Each Asyl web row and the Hugo rows it is compared with (their times added).
HUGO_PEERS = {
    "build web (kk, ru, en), without the search index": ["hugo (kk, ru, en), the same Markdown, a minimal theme"],
    "Pagefind on Asyl's site": ["Pagefind on Hugo's site"],
    "build web (kk, ru, en), with the search index": [
        "hugo (kk, ru, en), the same Markdown, a minimal theme", "Pagefind on Hugo's site"],
}


def version_files(tree, language):
    return sorted(str(p) for p in (tree / "entries").rglob(f"*.{language}.md"))


class Edit:
    """Changes one entry's body or title, adds an entry beside it, or changes the publisher's name in
    asyl.yaml or one source's title in sources.yaml, for an incremental rebuild; then puts it back."""
    def __init__(self, tree, what):
        files = version_files(tree, "kk")
        self.file = pathlib.Path(files[len(files) // 2])
        if what == "publisher":
            self.file = tree / "asyl.yaml"
        elif what == "source":
            self.file = tree / "sources.yaml"
        self.original = self.file.read_text(encoding="utf-8")
        self.what = what
        self.count = 0
        self.added = []

    def __call__(self):
        self.count += 1
        if self.what == "body":
            self.file.write_text(self.original + f"\nЖаңа сөйлем {self.count}.\n", encoding="utf-8")
        elif self.what in ("title", "source"):
            # The first `title:` of the file: the entry's headword, or the first source's title.
            text = re.sub(r"^(\s*)title: (.*)$", rf"\1title: \2 ({self.count})", self.original, count=1, flags=re.M)
            self.file.write_text(text, encoding="utf-8")
        elif self.what == "publisher":
            text = re.sub(r"^publisher: \{kk: ([^,}]*)", rf"publisher: {{kk: \1 {self.count}", self.original, count=1, flags=re.M)
            self.file.write_text(text, encoding="utf-8")
        else:
            # A copy of the entry under a new id: a new entry file, linked from nowhere.
            added = self.file.with_name(f"{self.file.name.split('.')[0]}-new{self.count}.kk.md")
            added.write_text(self.original, encoding="utf-8")
            self.added.append(added)

    def restore(self):
        if self.what in ("body", "title", "publisher", "source"):
            self.file.write_text(self.original, encoding="utf-8")
        for path in self.added:
            path.unlink(missing_ok=True)


def floor(tree, out, runs):
    """Reading every source, xsltproc with Asyl's stylesheet on the serialised XML, deflating the outputs."""
    xml_out = out / "floor"
    shutil.rmtree(xml_out, ignore_errors=True)
    subprocess.run([str(ASYL), "build", str(tree), "--out", str(xml_out), "--emit-xml", "--format", "epub"],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    xml_folders = sorted(xml_out.glob("*/xml-*"))
    transformed = out / "floor-xhtml"
    shutil.rmtree(transformed, ignore_errors=True)
    transformed.mkdir(parents=True)
    read = timed(f"find '{tree}' -type f -exec cat {{}} + > /dev/null", runs)
    chunks = " ".join(f"'{p}'" for folder in xml_folders for p in sorted(folder.glob("letter-*.xml")))
    # One xsltproc a chunk, each to a file of its own (`-o FOLDER/` with many inputs fails: "Is a directory");
    # starting it and compiling the stylesheet costs about 30 ms a chunk here.
    style = ROOT / "styles" / "epub.xsl"
    xslt = timed(f"n=0; for f in {chunks}; do n=$((n+1)); xsltproc --nonet -o '{transformed}'/$n.xhtml '{style}' \"$f\" || exit 1; done",
                 runs)
    deflate = timed(f"cat '{transformed}'/* | gzip -6 > /dev/null", runs)
    return Measure(read.wall + xslt.wall + deflate.wall, read.cpu + xslt.cpu + deflate.cpu,
                   max(read.rss_kb, xslt.rss_kb, deflate.rss_kb))


def scanning_rows(measures, asyl, runs):
    """`asyl check` on content/ with one entry more, whose body is 80,000 links on
    one line, and then the same links one to a line: the scan of inlines is linear
    in a line's length, so the two rows should be close."""
    for name, separator in (("check: 80,000 links on one line", " "), ("check: 80,000 links on 80,000 lines", "\n")):
        tree = BENCH / "one-line"
        shutil.rmtree(tree, ignore_errors=True)
        shutil.copytree(ROOT / "content", tree)
        body = separator.join(["[[semey]]"] * 80_000)
        (tree / "entries" / "places" / "many-links.kk.md").write_text(
            f"---\ntitle: Сілтемелер\nkind: place\n---\n{body}\n", encoding="utf-8")
        measures[name] = timed(f"'{asyl}' check '{tree}' --no-cache --format json > /dev/null", runs)


def baseline_binary(revision):
    """REV built in a worktree of its own, kept between runs of the same revision."""
    folder = BENCH / "baseline"
    commit = subprocess.run(["git", "rev-parse", revision], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()
    if (folder / ".git").exists():
        subprocess.run(["git", "checkout", "--quiet", "--detach", commit], cwd=folder, check=True)
    else:
        BENCH.mkdir(parents=True, exist_ok=True)
        subprocess.run(["git", "worktree", "add", "--quiet", "--detach", str(folder), commit], cwd=ROOT, check=True)
    subprocess.run(["swift", "build", "-c", "release", "--product", "asyl"], cwd=folder, check=True,
                   stdout=subprocess.DEVNULL)
    return folder / ".build" / "release" / "asyl", commit[:10]


def asyl_rows(measures, suffix, asyl, tree, out, runs):
    """Every Asyl row of one binary, into `measures`, each name followed by `suffix`."""
    out.mkdir(parents=True, exist_ok=True)
    build = f"'{asyl}' build '{tree}' --out '{out / 'epub'}' --format epub"
    # --no-cache: a check from nothing (without it, a check reads the store of ./build, the default --out).
    measures["check" + suffix] = timed(f"'{asyl}' check '{tree}' --no-cache --format json > /dev/null", runs)
    measures["build epub (kk, ru, en)" + suffix] = timed(build, runs, before=without_cache(out / "epub"))
    measures["build print (kk, ru, en)" + suffix] = timed(
        f"'{asyl}' build '{tree}' --out '{out / 'print'}' --format print", runs, before=without_cache(out / "print"))
    measures["rebuild epub, nothing changed" + suffix] = timed(build, runs)
    for what, name in (("body", "rebuild after one body edit"), ("title", "rebuild after one title edit"),
                       ("entry", "rebuild after a new entry file"),
                       ("publisher", "rebuild after the publisher's name in asyl.yaml"),
                       ("source", "rebuild after one source's title in sources.yaml")):
        edit = Edit(tree, what)
        try:
            measures[name + suffix] = timed(build, runs, before=edit)
        finally:
            edit.restore()
    # The build leaves its store; a check with --out reads only what changed since.
    subprocess.run(["bash", "-c", build], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    edit = Edit(tree, "body")
    try:
        measures["check after one body edit, with the build folder's store" + suffix] = timed(
            f"'{asyl}' check '{tree}' --out '{out / 'epub'}' --format json > /dev/null", runs, before=edit)
    finally:
        edit.restore()


def book_rows(measures, binaries, tree, out, entries, arguments):
    """Asyl's books (with each binary), Pandoc's EPUB and the floor."""
    for suffix, asyl in binaries:
        asyl_rows(measures, suffix, asyl, tree, out / f"asyl{suffix.strip(' []')}", arguments.runs)
    if entries >= 10_000 and arguments.quick:
        measures["pandoc epub3 (kk only)"] = None
    else:
        # 10,000 paths are too long for one `bash -c` string; the shell reads them from a list.
        listing = out / "pandoc-files.txt"
        listing.write_text("\n".join(version_files(tree, "kk")) + "\n", encoding="utf-8")
        runs = arguments.pandoc_runs if entries >= 10_000 else arguments.runs
        measures["pandoc epub3 (kk only)"] = timed(
            f"pandoc --from markdown --to epub3 --metadata title=Bench -o '{out / 'pandoc.kk.epub'}' $(cat '{listing}')", runs)
    measures["floor: read + xsltproc + deflate (kk, ru, en)"] = floor(tree, out, arguments.runs)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="skip Pandoc on the 10,000-entry corpus")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pandoc-runs", type=int, default=1, help="runs of Pandoc on 10,000 entries")
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--baseline", metavar="REV", help="also measure this git revision, built beside the project")
    parser.add_argument("--only", choices=["books", "web", "preview", "scanning"],
                        help="only the book rows (with Pandoc and the floor), the web rows, the preview rows, "
                             "or the rows of one long line")
    arguments = parser.parse_args()
    if not ASYL.exists():
        sys.exit(f"{ASYL} is missing: run `make bench` (it builds it)")
    env_epoch = {"SOURCE_DATE_EPOCH": "1763769600"}
    os.environ.update(env_epoch)
    pandoc_version = subprocess.run(["pandoc", "--version"], capture_output=True, text=True).stdout.splitlines()[0]
    hugo_version = subprocess.run(["hugo", "version"], capture_output=True, text=True).stdout.split("+")[0]
    pagefind_version = subprocess.run(PAGEFIND.split() + ["--version"], capture_output=True, text=True).stdout.strip()
    binaries = [("", ASYL)]
    baseline_label = None
    if arguments.baseline:
        binary, baseline_label = baseline_binary(arguments.baseline)
        binaries.append((" [baseline]", binary))
    rows = []
    if arguments.only in (None, "preview"):
        sample = BENCH / "content"
        shutil.rmtree(sample, ignore_errors=True)
        shutil.copytree(ROOT / "content", sample)
        measures = {}
        preview_row(measures, ASYL, sample, "asyl serve: save to the page reloaded", arguments.runs)
        rows.append(("content/", "asyl serve: save to the page reloaded", f"{measures['asyl serve: save to the page reloaded'].wall:.2f}",
                     "—", "—", "—", "—", "—", "—"))
    if arguments.only in (None, "scanning"):
        measures = {}
        scanning_rows(measures, ASYL, arguments.runs)
        for name, measure in measures.items():
            rows.append(("content/ + 1", name, f"{measure.wall:.2f}", f"{measure.cpu:.2f}", f"{measure.rss_kb / 1024:.0f}",
                         "—", "—", "—", "—"))
    for entries in [int(s) for s in arguments.sizes.split(",")] if arguments.only != "scanning" else []:
        tree = corpus(entries)
        out = BENCH / f"out-{entries}"
        out.mkdir(parents=True, exist_ok=True)
        label = f"{entries:,}"
        measures = {}
        if arguments.only in (None, "web"):
            web_rows(measures, ASYL, tree, out / "web", entries, arguments.runs)
        if arguments.only in (None, "preview"):
            preview_row(measures, ASYL, tree, "asyl serve: save to the page reloaded", arguments.runs)
        if arguments.only in (None, "books"):
            book_rows(measures, binaries, tree, out, entries, arguments)
        pandoc = measures.get("pandoc epub3 (kk only)")
        bottom = measures.get("floor: read + xsltproc + deflate (kk, ru, en)")
        for name, measure in measures.items():
            if measure is None:
                rows.append((label, name, "—", "—", "—", "—", "—", "—", "—"))
                continue
            peers = [measures[peer] for peer in HUGO_PEERS.get(name, [])]
            to_hugo = f"{measure.wall / sum(peer.wall for peer in peers):.2f}" if peers else "—"
            to_pandoc = f"{measure.wall / pandoc.wall:.3f}" if pandoc and not name.startswith("pandoc") else "—"
            to_floor = f"{measure.wall / bottom.wall:.2f}" if bottom and not name.startswith(("floor", "pandoc")) else "—"
            base = measures.get(name + " [baseline]")
            to_baseline = f"{measure.wall / base.wall:.2f}" if base and not name.endswith("[baseline]") else "—"
            measured = measure.rss_kb > 0
            rows.append((label, name, f"{measure.wall:.2f}", f"{measure.cpu:.2f}" if measured else "—",
                         f"{measure.rss_kb / 1024:.0f}" if measured else "—",
                         to_pandoc, to_floor, to_baseline, to_hugo))
    header = ("entries", "what", "wall s", "user+sys s", "peak MiB", "× Pandoc", "× floor", "× baseline", "× Hugo")
    lines = [f"Asyl benchmark: median of {arguments.runs} runs (Pandoc on 10,000 entries: {arguments.pandoc_runs}), "
             f"{os.cpu_count()} cores; {pandoc_version}; {hugo_version}; {pagefind_version}.",
             "'× Pandoc' is wall time over Pandoc's for one language of the same corpus; '× Hugo', over the matching "
             "Hugo rows' (Hugo's build, its Pagefind indexing, or both); '—': not measured "
             "(--quick skips Pandoc on 10,000 entries)."
             + (f" Baseline: {arguments.baseline} ({baseline_label}), built and run in the same run." if baseline_label else ""),
             "",
             "| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    report = "\n".join(lines) + "\n"
    BENCH.mkdir(parents=True, exist_ok=True)
    (BENCH / "report.md").write_text(report, encoding="utf-8")
    print(report)


if __name__ == "__main__":
    main()
