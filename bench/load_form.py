"""Reads a survey page (Phiếu B form) on stdin and prints one plan line for bench/load.lua:
edit TAB user TAB path TAB form-body-without-version-and-note TAB version. Prints nothing when the page
has no survey form (the survey is closed for that household)."""
import sys
import urllib.parse
from html.parser import HTMLParser


class Form(HTMLParser):
    def __init__(self):
        super().__init__()
        self.inside, self.fields, self.select, self.options = False, [], None, []
        self.textarea = None
        self.first_choice = {}

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and (a.get("action") or "").endswith("/survey") and (a.get("method") or "").lower() == "post":
            self.inside = True
        if not self.inside:
            return
        if tag == "input" and a.get("name"):
            kind = (a.get("type") or "text").lower()
            if kind == "checkbox":
                self.first_choice.setdefault(a["name"], a.get("value") or "on")
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            if kind in ("submit", "button", "file"):
                return
            self.fields.append((a["name"], a.get("value") or ("on" if kind == "checkbox" else "")))
        elif tag == "select" and a.get("name"):
            self.select, self.options = a["name"], []
        elif tag == "option" and self.select is not None:
            self.options.append((a.get("value") or "", "selected" in a))
        elif tag == "textarea" and a.get("name"):
            self.textarea = [a["name"], ""]

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "select" and self.select is not None:
            # a survey not yet filled in: the first real choice, so that the save is a valid Phiếu B
            chosen = [v for v, s in self.options if s and v] or [v for v, _ in self.options if v]
            if chosen:
                self.fields.append((self.select, chosen[0]))
            self.select = None
        elif tag == "textarea" and self.textarea is not None:
            self.fields.append(tuple(self.textarea))
            self.textarea = None
        elif tag == "form" and self.inside:
            self.inside = False


form = Form()
form.feed(sys.stdin.read())
version = next((v for n, v in form.fields if n == "version"), None)
if version is not None:
    # a survey not yet filled in: an income, so that the save is a valid Phiếu B
    filled = {"incomePerCapita": "1800000", "floorAreaM2": "40"}
    fields = [(n, (v or filled[n]) if n in filled else v) for n, v in form.fields]
    # Phiếu C of a poor or near-poor result needs a cause and a need
    for name in ("causes", "needs"):
        if name in form.first_choice and not any(n == name for n, _ in fields):
            fields.append((name, form.first_choice[name]))
    body = urllib.parse.urlencode([(n, v) for n, v in fields if n not in ("version", "note")])
    print("\t".join(["edit", sys.argv[1], sys.argv[2], body, version]))
