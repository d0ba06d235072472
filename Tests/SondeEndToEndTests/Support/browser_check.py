#!/usr/bin/env python3
"""Opens an HTML file in headless Chromium over the DevTools protocol and reports, as JSON:
console errors and uncaught exceptions, every request that left the page (there must be none:
the report is self-contained), counts of the chart elements, the page title and text, and a
full-page screenshot written to --screenshot.

usage: browser_check.py FILE.html --screenshot OUT.png [--width 1100]
"""
import argparse, base64, json, os, re, shutil, subprocess, sys, tempfile, time

from websockets.sync.client import connect

parser = argparse.ArgumentParser()
parser.add_argument("page")
parser.add_argument("--screenshot", required=True)
parser.add_argument("--width", type=int, default=1100)
parser.add_argument("--timeout", type=float, default=30)
args = parser.parse_args()

binary = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
if not binary:
    print(json.dumps({"error": "no chromium on PATH (apt-get install chromium)"}))
    sys.exit(3)

profile = tempfile.mkdtemp(prefix="sonde-chromium-")
browser = subprocess.Popen(
    [binary, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
     "--disable-extensions", "--disable-background-networking", "--disable-sync", "--disable-component-update",
     f"--user-data-dir={profile}", "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", "about:blank"],
    stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
deadline = time.monotonic() + args.timeout
try:
    endpoint = None
    while endpoint is None:
        line = browser.stderr.readline()
        if not line:
            raise SystemExit(json.dumps({"error": "chromium exited before DevTools listened"}))
        found = re.search(r"DevTools listening on (ws://\S+)", line)
        if found:
            endpoint = found.group(1)

    with connect(endpoint, max_size=64 * 1024 * 1024, open_timeout=args.timeout) as ws:
        counter = [0]
        events = []

        def send(method, params=None, session=None):
            counter[0] += 1
            message = {"id": counter[0], "method": method, "params": params or {}}
            if session:
                message["sessionId"] = session
            ws.send(json.dumps(message))
            while True:
                reply = json.loads(ws.recv(timeout=max(0.1, deadline - time.monotonic())))
                if reply.get("id") == counter[0]:
                    if "error" in reply:
                        raise SystemExit(json.dumps({"error": f"{method}: {reply['error']}"}))
                    return reply.get("result", {})
                events.append(reply)

        target = send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Runtime", "Log", "Network"):
            send(f"{domain}.enable", session=session)
        send("Emulation.setDeviceMetricsOverride", {"width": args.width, "height": 900, "deviceScaleFactor": 1, "mobile": False}, session=session)
        send("Page.navigate", {"url": "file://" + os.path.abspath(args.page)}, session=session)
        while not any(e.get("method") == "Page.loadEventFired" for e in events):
            events.append(json.loads(ws.recv(timeout=max(0.1, deadline - time.monotonic()))))

        probe = """JSON.stringify({
          title: document.title,
          latencyCharts: document.querySelectorAll('svg.chart.latency').length,
          uptimeBars: document.querySelectorAll('svg.chart.uptime').length,
          uptimeCells: document.querySelectorAll('svg.chart.uptime rect.cell').length,
          deployBars: document.querySelectorAll('svg.chart.deploy-bars').length,
          scripts: document.querySelectorAll('script').length,
          tables: document.querySelectorAll('table').length,
          height: document.documentElement.scrollHeight,
          text: document.body.innerText
        })"""
        page = json.loads(send("Runtime.evaluate", {"expression": probe, "returnByValue": True}, session=session)["result"]["value"])
        metrics = send("Page.getLayoutMetrics", session=session)
        size = metrics.get("cssContentSize") or metrics["contentSize"]
        shot = send("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True,
                                              "clip": {"x": 0, "y": 0, "width": args.width, "height": size["height"], "scale": 1}}, session=session)
        with open(args.screenshot, "wb") as out:
            out.write(base64.b64decode(shot["data"]))

        errors = []
        requests = []
        for event in events:
            method, params = event.get("method"), event.get("params", {})
            if method == "Runtime.exceptionThrown":
                errors.append(params["exceptionDetails"].get("text", "exception"))
            elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                errors.append(" ".join(str(a.get("value", a.get("description", ""))) for a in params.get("args", [])))
            elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
                errors.append(params["entry"].get("text", ""))
            elif method == "Network.requestWillBeSent":
                url = params["request"]["url"]
                if not url.startswith(("file://", "data:", "about:")):
                    requests.append(url)
        page.update({"consoleErrors": errors, "externalRequests": requests})
        print(json.dumps(page))
finally:
    browser.terminate()
    try:
        browser.wait(timeout=5)
    except subprocess.TimeoutExpired:
        browser.kill()
    shutil.rmtree(profile, ignore_errors=True)
