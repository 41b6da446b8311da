#!/usr/bin/env python3
"""pagecheck.py - load report pages in headless chromium and check them
as a reader with a keyboard, a screen reader or a printer meets them.

    pagecheck.py WIDTH PAGE...

Chromium is driven over its DevTools pipe (--remote-debugging-pipe: no
port, no third-party module).  The pages keep their own CSP: the checks
run from the DevTools side, so the page's stylesheet applies only when
its hash is right, exactly as in a reader's browser.  For each page one
line: the page's file name, then every check as name=value, values
counted so that the output is the same on every machine.  The
Tab-focus and print checks run on the first page only.  Exit status 0
even when a check fails: the case's expected output says what passes.
"""
import json
import os
import select
import subprocess
import sys

CHECKS = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                      "pagecheck.js")


class Browser:
    def __init__(self):
        to_chrome_r, self.to_chrome = os.pipe()
        self.from_chrome, from_chrome_w = os.pipe()

        def fds():
            os.dup2(to_chrome_r, 3)
            os.dup2(from_chrome_w, 4)

        self.proc = subprocess.Popen(
            ["chromium", "--headless", "--no-sandbox", "--disable-gpu",
             "--no-first-run", "--hide-scrollbars", "--mute-audio",
             "--user-data-dir=" + os.path.abspath("chrome-check"),
             "--remote-debugging-pipe", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL, pass_fds=(3, 4), preexec_fn=fds)
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self.buf = b""
        self.next_id = 0
        self.events = []

    def _read(self):
        while b"\0" not in self.buf:
            # A page that never loads fails the check, never hangs it.
            if not select.select([self.from_chrome], [], [], 120)[0]:
                self.proc.kill()
                raise SystemExit("chromium: no answer in 120 s")
            chunk = os.read(self.from_chrome, 65536)
            if not chunk:
                raise SystemExit("chromium closed its DevTools pipe")
            self.buf += chunk
        msg, self.buf = self.buf.split(b"\0", 1)
        return json.loads(msg)

    def call(self, method, params=None, session=None):
        self.next_id += 1
        msg = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        os.write(self.to_chrome, json.dumps(msg).encode() + b"\0")
        while True:
            m = self._read()
            if m.get("id") == self.next_id:
                if "error" in m:
                    raise SystemExit("%s: %s" % (method, m["error"]))
                return m["result"]
            self.events.append(m)

    def wait_event(self, method, session):
        while True:
            for i, m in enumerate(self.events):
                if m.get("method") == method and \
                        m.get("sessionId") == session:
                    del self.events[i]
                    return m
            self.events.append(self._read())

    def close(self):
        try:
            self.call("Browser.close")
        except SystemExit:
            pass
        self.proc.wait(timeout=30)


def main():
    width = int(sys.argv[1])
    pages = sys.argv[2:]
    js = open(CHECKS).read()
    b = Browser()
    target = b.call("Target.createTarget", {"url": "about:blank"})
    s = b.call("Target.attachToTarget", {"targetId": target["targetId"],
                                         "flatten": True})["sessionId"]
    b.call("Page.enable", session=s)
    b.call("Emulation.setDeviceMetricsOverride",
           {"width": width, "height": 900, "deviceScaleFactor": 1,
            "mobile": False}, session=s)

    def run(expr):
        r = b.call("Runtime.evaluate", {"expression": expr,
                                        "returnByValue": True}, session=s)
        if "exceptionDetails" in r:
            raise SystemExit("check failed: %s" % r["exceptionDetails"])
        return r["result"].get("value")

    for n, page in enumerate(pages):
        b.call("Page.navigate", {"url": "file://" + os.path.abspath(page)},
               session=s)
        b.wait_event("Page.loadEventFired", s)
        run(js)
        res = run("pageChecks()")
        if n == 0:
            # A reader's first Tab: the skip link, with a visible ring.
            b.call("Input.dispatchKeyEvent",
                   {"type": "keyDown", "key": "Tab", "code": "Tab",
                    "windowsVirtualKeyCode": 9}, session=s)
            b.call("Input.dispatchKeyEvent",
                   {"type": "keyUp", "key": "Tab", "code": "Tab",
                    "windowsVirtualKeyCode": 9}, session=s)
            res.update(run("focusChecks()"))
            b.call("Emulation.setEmulatedMedia", {"media": "print"},
                   session=s)
            res.update(run("printChecks()"))
            b.call("Emulation.setEmulatedMedia", {"media": ""}, session=s)
        print(os.path.basename(page),
              " ".join("%s=%s" % kv for kv in res.items()))
        sys.stdout.flush()
    b.close()


if __name__ == "__main__":
    main()
