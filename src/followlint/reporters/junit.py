"""JUnit XML: one test case per linted file, failing with one failure per finding."""
from __future__ import annotations

import re

from .base import Reporter

# Characters XML 1.0 cannot carry at all; mail text sometimes holds them.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _clean(text: str) -> str:
    return NOT_XML.sub("\ufffd", text)


class JunitReporter(Reporter):
    name = "junit"
    description = "JUnit XML for CI test dashboards"

    def render(self, report, out, options):
        import xml.etree.ElementTree as ET  # here: only a --format junit run needs it

        by_path: dict[str, list] = {}
        for f in report.findings:
            by_path.setdefault(f.path, []).append(f)
        suites = ET.Element("testsuites", name="followlint")
        suite = ET.SubElement(
            suites, "testsuite", name="followlint",
            tests=str(len(by_path) + len(report.problems)),
            failures=str(len(by_path)), errors=str(len(report.problems)),
        )
        for path, findings in sorted(by_path.items()):
            case = ET.SubElement(suite, "testcase", classname="followlint", name=_clean(path))
            for f in findings:
                failure = ET.SubElement(case, "failure", type=f"{f.code} {f.name}",
                                        message=_clean(f"{f.path}:{f.line}:{f.column}: {f.code} {f.message}"))
                failure.text = _clean("\n".join(filter(None, [f.excerpt, f.suggestion] + [f"evidence {e.path}:{e.line}: {e.text}" for e in f.evidence])))
        for p in report.problems:
            case = ET.SubElement(suite, "testcase", classname="followlint", name=_clean(p.path))
            ET.SubElement(case, "error", type="input error", message=_clean(p.message))
        ET.indent(suites)
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        out.write(ET.tostring(suites, encoding="unicode"))
        out.write("\n")
