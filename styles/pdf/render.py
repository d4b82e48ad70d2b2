"""Asyl's PDF for the press: WeasyPrint renders a book's print HTML as PDF/X-4.

asyl runs this program (docs/print.md); it is not a stylesheet to override.
It adds to what the print HTML says only what a press asks of the file:

- a CMYK output intent (styles/pdf/Asyl-FOGRA39.icc) and the sRGB profile as
  DefaultRGB, so the page's RGB colours and images are device-independent;
- the BleedBox at the bleed of asyl.yaml: the print HTML's CSS bleed holds
  a slug for the marks beyond it (PrintGeometry.sheetBleedMillimetres), and
  WeasyPrint puts the BleedBox at most 10 pt from the trim;
- the dates of SOURCE_DATE_EPOCH and a document id made from the book's, so
  the same sources give the same bytes;
- no fetch outside the print folder, which the render sees at one address
  (ROOT) wherever it is, and no font outside it (asyl gives fontconfig the
  shipped fonts only).

What WeasyPrint warns of is printed on standard error, one line each, for
asyl to report. `--version` prints what the output depends on.
"""

import argparse
import logging
import re
import sys
from datetime import datetime, timezone
from pathlib import Path


def parse_arguments():
    parser = argparse.ArgumentParser()
    parser.add_argument("--version", action="store_true")
    parser.add_argument("html", nargs="?")
    parser.add_argument("pdf", nargs="?")
    parser.add_argument("--bleed-mm", type=float, default=3)
    parser.add_argument("--epoch", type=int, default=0)
    parser.add_argument("--document-id", default="")
    parser.add_argument("--profile", required=False)
    return parser.parse_args()


def versions():
    """The Python packages' versions, and each shared library the process
    loaded (Pango, HarfBuzz, fontconfig, FreeType, Pillow's…) by path, size
    and time: a new one may lay out or subset otherwise."""
    import os

    import fontTools
    import PIL
    import PIL.Image
    import pydyf
    import tinycss2
    import weasyprint
    import weasyprint.text.ffi  # noqa: F401 (loads Pango, HarfBuzz and fontconfig)
    said = [f"weasyprint {weasyprint.__version__}; pydyf {pydyf.__version__}; tinycss2 {tinycss2.__version__}; "
            f"fonttools {fontTools.version}; pillow {PIL.__version__}; python {sys.version.split()[0]}"]
    with open("/proc/self/maps") as maps:
        libraries = sorted({line.split()[-1] for line in maps if ".so" in line and line.split()[-1].startswith("/")})
    for library in libraries:
        status = os.stat(library)
        said.append(f"{library} {status.st_size} {status.st_mtime_ns}")
    return "\n".join(said)


MM = 72 / 25.4


# The print folder as the render sees it: one address wherever the folder is,
# so that what WeasyPrint names by address (its images) is the same from build to build.
ROOT = "file:///asyl-print/"


def folder_fetcher(folder):
    """Fetches the print folder's files, by ROOT's addresses, and data: URLs;
    refuses everything else (another scheme, a path outside the folder, a link
    out of it), which WeasyPrint then reports as a warning."""
    from urllib.parse import unquote, urlsplit

    from weasyprint.urls import URLFetcher

    inside = folder.resolve()

    class FolderFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            parts = urlsplit(url)
            scheme = parts.scheme.lower()
            if scheme == "data":
                return super().fetch(url, headers)
            if scheme != "file" or not url.startswith(ROOT):
                raise ValueError(f"not a file of the print folder: {url}")
            path = (inside / unquote(parts.path).removeprefix("/asyl-print/")).resolve()
            if path != inside and inside not in path.parents:
                raise ValueError(f"outside the print folder: {url}")
            response = super().fetch(path.as_uri(), headers)
            response.url = url
            return response

    return FolderFetcher(allowed_protocols={"file", "data"})


def finisher(arguments, srgb):
    import pydyf

    def finish(document, pdf):
        bleed = arguments.bleed_mm * MM
        for page in (o for o in pdf.objects if isinstance(o, pydyf.Dictionary) and o.get("Type") == "/Page"):
            left, top, right, bottom = page["TrimBox"]
            page["BleedBox"] = pydyf.Array([left - bleed, top - bleed, right + bleed, bottom + bleed])
        profile = pydyf.Stream([srgb], pydyf.Dictionary({"N": 3}), compress=True)
        pdf.add_object(profile)
        for space in (o for o in pdf.objects if isinstance(o, pydyf.Dictionary) and "lab-d50" in o):
            space["DefaultRGB"] = pydyf.Array(("/ICCBased", profile.reference))
        # The intent names the printing condition as the ICC registry does, not the profile's file.
        for intent in pdf.catalog["OutputIntents"]:
            intent["OutputConditionIdentifier"] = pydyf.String("FOGRA39")
            intent["OutputCondition"] = pydyf.String("Offset printing, coated paper (ISO 12647-2:2004/Amd 1, FOGRA39)")
            intent["RegistryName"] = pydyf.String("http://www.color.org")
            intent["Info"] = pydyf.String("Asyl FOGRA39, made from Fogra's FOGRA39L characterisation data")
        # WeasyPrint names the XMP document id at random; the book's own id stands in.
        metadata = next(o for o in pdf.objects if isinstance(o, pydyf.Stream) and o.extra.get("Type") == "/Metadata")
        metadata.stream = [re.sub(rb"xmp\.did:[0-9a-f-]+", f"xmp.did:{arguments.document_id}".encode(), part)
                           for part in metadata.stream]
    return finish


def render(arguments):
    from importlib.resources import files

    from weasyprint import CSS, HTML

    srgb = (files("weasyprint.pdf") / "sRGB2014.icc").read_bytes()
    warnings = []

    class Said(logging.Handler):
        def emit(self, record):
            warnings.append(record.getMessage())

    logger = logging.getLogger("weasyprint")
    logger.addHandler(Said(level=logging.WARNING))
    logger.propagate = False

    html_path = Path(arguments.html)
    fetcher = folder_fetcher(html_path.parent)
    profile = Path(arguments.profile).name
    intent = f"@color-profile device-cmyk {{ src: url({profile}); components: cyan, magenta, yellow, black; }}\n"
    # The profile is known to the render through the dictionary the stylesheet filled.
    profiles = {}
    extra = CSS(string=intent, base_url=ROOT, url_fetcher=fetcher, color_profiles=profiles)
    document = HTML(string=html_path.read_bytes(), base_url=ROOT + html_path.name, url_fetcher=fetcher).render(
        color_profiles=profiles, stylesheets=[extra], pdf_variant="pdf/x-4", output_intent="device-cmyk")
    moment = datetime.fromtimestamp(arguments.epoch, timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    document.metadata.created = moment
    document.metadata.modified = moment
    document.write_pdf(arguments.pdf, finisher=finisher(arguments, srgb), pdf_variant="pdf/x-4",
                       output_intent="device-cmyk", pdf_identifier=arguments.document_id.encode())
    for warning in warnings:
        print(" ".join(warning.split()), file=sys.stderr)


def main():
    arguments = parse_arguments()
    if arguments.version:
        print(versions())
        return
    try:
        render(arguments)
    except Exception as error:  # said in one line for asyl's message, not as a trace
        print(f"{type(error).__name__}: {error}", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
