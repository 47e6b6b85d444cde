// A device taken away in the middle of its diagnosis, as the person sees it in the page:
// the run ends, the page says it did not finish (in the page's language), shows no
// verdict and no report as if complete, stops offering the device, and keeps the
// anti-scam line.
// With MODE "service", the service itself stops instead: the page says the run's end is
// not known and shows no verdict.
// Usage: node unplug_flow.mjs LOGIN_URL LANG(en|zh-CN) DEVICE_PATH EXCHANGE_DIR SCREENSHOT_DIR [MODE]
// Once the device is being read this script writes EXCHANGE_DIR/unplug (or
// EXCHANGE_DIR/stop-service); the test then kills the simulator behind DEVICE_PATH (or
// stops the service).
import fs from "node:fs";
import path from "node:path";
import { launchHeadless } from "./headless.mjs";

const [loginUrl, lang, device, exchange, shots, mode = "unplug"] = process.argv.slice(2);
const zh = lang === "zh-CN";
const fail = (msg) => { console.error("FAIL: " + msg); process.exit(1); };

const browser = await launchHeadless();
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 390, height: 844, isMobile: true });
  const problems = [];
  page.on("console", (m) => { if (/Content Security Policy|Refused to/.test(m.text())) problems.push(m.text()); });
  page.on("pageerror", (e) => problems.push("page error: " + e.message));

  await page.goto(loginUrl, { waitUntil: "domcontentloaded" });
  await page.goto(new URL(loginUrl).origin + "/?lang=" + lang, { waitUntil: "domcontentloaded" });
  const button = `#devices button[data-path="${device}"]`;
  await page.waitForSelector(button + ":not([disabled])", { timeout: 20000 });
  await page.click(button);
  await page.click("#start");
  await page.waitForFunction(() => document.querySelector("#progress").value > 0, { timeout: 30000 });
  if (!(await page.$eval("#start", (b) => b.disabled))) fail("the start button is offered again while the run goes on");

  // The device is being read (step "reading the device", 30 %): pull it out now.
  await page.waitForFunction(() => document.querySelector("#progress").value >= 30, { timeout: 30000 });
  if (await page.$("#run[data-done]")) fail("the run ended before the device was taken away");
  fs.writeFileSync(path.join(exchange, mode === "service" ? "stop-service" : "unplug"), "");

  await page.waitForSelector("#run[data-done]", { timeout: 60000 });
  if (mode === "service") {
    const lost = await page.evaluate(() => ({
      state: document.querySelector("#run").dataset.state,
      verdict: document.querySelector("#verdict").textContent,
      verdictClass: document.querySelector("#verdict").className,
      warning: document.querySelector("#warning").textContent,
    }));
    console.log("ended as " + lost.state + ": " + lost.verdict);
    if (lost.state !== "lost") fail("the run ended as " + lost.state);
    if (!(zh ? /服务已停止应答/ : /service stopped answering/).test(lost.verdict)) fail("the page does not say the service is gone: " + lost.verdict);
    if (/\bok\b|attention/.test(lost.verdictClass)) fail("a verdict is shown: " + lost.verdictClass);
    if (!(zh ? /助记词/ : /recovery words/).test(lost.warning)) fail("the anti-scam line is gone");
    await page.screenshot({ path: path.join(shots, `service-gone-${lang}.png`), fullPage: true });
    if (problems.length) fail("CSP or script errors: " + problems.join(" | "));
    console.log("OK service gone " + lang);
    process.exit(0);
  }
  const seen = await page.evaluate(() => ({
    state: document.querySelector("#run").dataset.state,
    verdict: document.querySelector("#verdict").textContent,
    verdictClass: document.querySelector("#verdict").className,
    findings: document.querySelector("#findings").textContent,
    reportShown: !document.querySelector("#report-text").hidden,
    report: document.querySelector("#report-text").textContent,
    steps: [...document.querySelectorAll("#steps li")].map((li) => li.textContent),
    warning: document.querySelector("#warning").textContent,
    warningVisible: document.querySelector("#warning").offsetParent !== null,
  }));
  console.log("ended as " + seen.state + ": " + seen.verdict);
  if (seen.state !== "unplugged" && seen.state !== "failed") fail("the run ended as " + seen.state);
  const said = seen.state === "unplugged"
    ? (zh ? /设备已断开/ : /device went away/)
    : (zh ? /诊断未能完成/ : /did not finish/);
  if (!said.test(seen.verdict)) fail("the page does not say the diagnosis was cut short: " + seen.verdict);
  if (zh && !/[\u4e00-\u9fff]/.test(seen.verdict)) fail("not in Chinese: " + seen.verdict);
  const readStep = seen.steps.find((x) => (zh ? /正在读取设备/ : /^reading the device at /).test(x));
  if (!readStep || !readStep.includes(device)) fail("the steps do not show the device being read: " + seen.steps.join(" | "));
  if (zh && seen.steps.some((x) => /^[a-z]/.test(x))) fail("steps left in English: " + seen.steps.join(" | "));
  if (/\bok\b|attention/.test(seen.verdictClass)) fail("a verdict is shown: " + seen.verdictClass);
  const okWords = zh ? /一切正常|没有发现问题/ : /All good|no problems/i;
  if (okWords.test(seen.verdict + seen.findings)) fail("an all-good verdict is shown: " + seen.verdict);
  if (seen.state === "unplugged" && seen.reportShown) fail("a report is shown for a run cut off by the unplug");
  if (seen.reportShown && !(zh ? /不是一份完整的报告/ : /not a complete report/).test(seen.findings)) {
    fail("what was read is shown without saying it is incomplete: " + seen.findings);
  }
  if (!(zh ? /助记词/ : /recovery words/).test(seen.warning) || !seen.warningVisible) fail("the anti-scam line is gone");

  // The list stops offering it once the service sees it gone (the emulator liveness
  // probe: three missed probes a second apart).
  await page.waitForFunction((sel) => !document.querySelector(sel + ":not([disabled])"), { timeout: 20000 }, button);
  if (!(await page.$eval("#start", (b) => b.disabled))) fail("the start button still offers a diagnosis");
  await page.screenshot({ path: path.join(shots, `unplug-${lang}.png`), fullPage: true });

  if (problems.length) fail("CSP or script errors: " + problems.join(" | "));
  console.log("OK unplug " + lang);
} finally {
  await browser.close();
}
