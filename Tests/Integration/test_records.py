"""Catalogue records (docs/records.md): each book's MARCXML is read by pymarc with
the fields asyl.yaml's details say, its OAI-DC validates against the OAI and DCMI
schemas (fixtures/schemas), and its ONIX 3.0 passes onixcheck."""
import pathlib
import subprocess

import pymarc
import pytest
from lxml import etree

from conftest import ROOT

FIXTURE = pathlib.Path(__file__).parent / "fixtures" / "catalogue"
SCHEMAS = pathlib.Path(__file__).parent / "fixtures" / "schemas"


@pytest.fixture(scope="module")
def records(asyl, tmp_path_factory):
    out = tmp_path_factory.mktemp("records")
    result = asyl("build", FIXTURE, "--out", out, "--format", "records", env={"SOURCE_DATE_EPOCH": "1700000000"})
    assert result.returncode == 0, result.stderr
    return {language: out / "volume-3" / f"records-{language}" for language in ("kk", "ru")}


@pytest.fixture(scope="module")
def content_records(asyl, tmp_path_factory):
    out = tmp_path_factory.mktemp("content-records")
    result = asyl("build", ROOT / "content", "--out", out, "--format", "records", env={"SOURCE_DATE_EPOCH": "1700000000"})
    assert result.returncode == 0, result.stderr
    return sorted(out.glob("*/records-*/*.xml"))


def marc(folder, language):
    [record] = pymarc.parse_xml_to_array(str(folder / f"volume-3.{language}.marc.xml"))
    return record


def test_the_marc_record_holds_what_asyl_yaml_says(records):
    record = marc(records["kk"], "kk")
    assert record.leader[6:8] == "am"  # language material, a monograph
    fixed = record["008"].data
    assert len(fixed) == 40 and fixed[7:11] == "2024" and fixed[23] == "o" and fixed[35:38] == "kaz"
    assert record["020"]["a"] == "9786017431037"
    assert record["080"]["a"] == "94(574)(031)"
    assert (record["084"]["a"], record["084"]["2"]) == ("63.3(5Қаз)я2", "rubbk")
    assert record["041"]["a"] == "kaz"
    assert record["245"]["a"] == "Сынақ мұра. III том"
    assert record["245"].indicators[0] == "0"  # entered under its title: no 1XX
    assert not record.get_fields("100")
    assert (record["264"]["b"], record["264"]["c"]) == ("Сынақ баспасы", "2024")
    assert (record["336"]["b"], record["337"]["b"], record["338"]["b"]) == ("txt", "c", "cr")
    assert (record["490"]["a"], record["490"]["v"]) == ("Сынақ сериясы", "3-том")
    assert record["520"]["a"] == "Сынақ кітабының сипаттамасы."
    assert [f["a"] for f in record.get_fields("650")] == ["Сәулет", "Орта ғасырлар"]
    assert [(f["a"], f["4"]) for f in record.get_fields("700")] == [
        ("Үлгіева, Әсем", "edt"), ("Мысалов, Мұрат", "edt"), ("Сынақов, Ерлан", "com")]
    assert record["776"]["z"] == "9786017431051"
    assert record["856"]["u"] == "https://example.kz/synaq/kk/"


def test_each_languages_record_names_its_own(records):
    record = marc(records["ru"], "ru")
    assert record["020"]["a"] == "9786017431044" and record["040"]["b"] == "rus"
    assert ("Smith, Jane", "trl") in [(f["a"], f["4"]) for f in record.get_fields("700")]
    assert record["300"]["a"] == "1 электронный ресурс (статей: 1)"


def test_the_dublin_core_record_validates_against_its_schema(records, content_records):
    schema = etree.XMLSchema(etree.parse(str(SCHEMAS / "oai_dc.xsd")))
    paths = [folder / f"volume-3.{language}.dc.xml" for language, folder in records.items()]
    paths += [path for path in content_records if path.name.endswith(".dc.xml")]
    assert len(paths) >= 9
    for path in paths:
        document = etree.parse(str(path))
        assert schema.validate(document), f"{path.name}: {schema.error_log}"
    kk = etree.parse(str(records["kk"] / "volume-3.kk.dc.xml"))
    dc = {"dc": "http://purl.org/dc/elements/1.1/"}
    assert kk.xpath("//dc:creator/text()", namespaces=dc) == ["Үлгіева, Әсем", "Мысалов, Мұрат", "Сынақов, Ерлан"]
    assert "urn:isbn:9786017431037" in kk.xpath("//dc:identifier/text()", namespaces=dc)


def test_the_onix_messages_pass_onixcheck(records, content_records):
    paths = [folder / f"volume-3.{language}.onix.xml" for language, folder in records.items()]
    paths += [path for path in content_records if path.name.endswith(".onix.xml")]
    assert len(paths) >= 9
    for path in paths:
        result = subprocess.run(["onixcheck", str(path)], capture_output=True, text=True)
        assert result.returncode == 0 and "VALID - No errors found" in result.stdout, result.stdout + result.stderr
