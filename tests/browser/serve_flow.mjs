// Drives Debian's chromium through the `coldcheck serve` page with puppeteer-core:
// sign in through the one-time URL, diagnose a device, run the backup check with the
// blank PIN grid, and look at the bench and statistics, in one language.
// Usage: node serve_flow.mjs LOGIN_URL LANG(en|zh-CN) DEVICE_PATH BACKUP_DEVICE_PATH EXCHANGE_DIR SCREENSHOT_DIR
// The PIN positions come from the test through EXCHANGE_DIR (it reads the simulated
// device's screen): this script writes need-pin and waits for pin.txt.
import fs from "node:fs";
import path from "node:path";
import { launchHeadless } from "./headless.mjs";

const [loginUrl, lang, device, backupDevice, exchange, shots] = process.argv.slice(2);
const zh = lang === "zh-CN";
const fail = (msg) => { console.error("FAIL: " + msg); process.exit(1); };
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const browser = await launchHeadless();
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 390, height: 844, isMobile: true });  // a phone
  const violations = [];
  page.on("console", (m) => { if (/Content Security Policy|Refused to/.test(m.text())) violations.push(m.text()); });
  page.on("pageerror", (e) => violations.push("page error: " + e.message));
  const externals = [];
  page.on("request", (r) => { if (!r.url().startsWith(new URL(loginUrl).origin)) externals.push(r.url()); });

  await page.goto(loginUrl, { waitUntil: "domcontentloaded" });
  await page.goto(new URL(loginUrl).origin + "/?lang=" + lang, { waitUntil: "domcontentloaded" });
  const warning = await page.$eval("#warning", (e) => e.textContent);
  if (!(zh ? /助记词/ : /recovery words/).test(warning)) fail("the anti-scam warning is missing: " + warning);

  // Diagnose.
  await page.waitForSelector(`#devices button[data-path="${device}"]`, { timeout: 20000 });
  await page.click(`#devices button[data-path="${device}"]`);
  await page.type("#describe", zh ? "设备无法连接" : "it does not connect");
  await page.click("#start");
  await page.waitForSelector("#run[data-done]", { timeout: 60000 });
  const verdict = await page.$eval("#verdict", (e) => e.textContent);
  const reportText = await page.$eval("#report-text", (e) => e.textContent);
  if (!reportText || reportText.length < 100) fail("no report text shown");
  if (zh && !/[\u4e00-\u9fff]/.test(reportText)) fail("the report is not in Chinese");
  await page.waitForSelector("#links a", { timeout: 5000 });
  const links = await page.$$eval("#links a", (as) => as.map((a) => a.href));
  if (links.length !== 4) fail("expected four download links, got " + links.length);
  const html = await page.evaluate(async (u) => (await fetch(u)).status, links[0]);
  if (html !== 200) fail("the HTML report download answered " + html);
  await page.screenshot({ path: path.join(shots, `diagnose-${lang}.png`), fullPage: true });
  console.log("diagnosis verdict: " + verdict);

  // Backup check: confirm, word count, PIN as positions on a blank grid; the words are typed on the device.
  await page.click('#tabs button[data-tab="backup"]');
  if (!(await page.$eval("#warning", (e) => e.offsetParent !== null))) fail("the warning is hidden on the backup screen");
  await page.waitForSelector(`#backup-devices button[data-path="${backupDevice}"]`, { timeout: 20000 });
  await page.click(`#backup-devices button[data-path="${backupDevice}"]`);
  await page.click("#backup-start");
  const deadline = Date.now() + 90000;
  let pinDone = false;
  while (Date.now() < deadline) {
    const state = await page.evaluate(() => ({
      result: document.querySelector("#backup-result").dataset.verdict || "",
      error: document.querySelector("#backup-error").textContent,
      buttons: [...document.querySelectorAll("#backup-prompt .choices button")].map((b) => b.textContent),
      grid: document.querySelectorAll("#backup-prompt .grid button").length,
      send: !!document.querySelector("#pin-send"),
      gridText: [...document.querySelectorAll("#backup-prompt .grid button")].map((b) => b.textContent).join(""),
    }));
    if (state.error) fail("backup error: " + state.error);
    if (state.result) break;
    if (state.grid === 9 && state.gridText !== "") fail("the PIN grid shows digits");
    if (state.grid === 9 && state.send && !pinDone) {
      fs.writeFileSync(path.join(exchange, "need-pin"), "");
      const pinFile = path.join(exchange, "pin.txt");
      while (!fs.existsSync(pinFile)) await sleep(100);
      const positions = fs.readFileSync(pinFile, "utf8").trim();
      await page.screenshot({ path: path.join(shots, `pin-grid-${lang}.png`), fullPage: true });
      for (const p of positions) await page.click(`#backup-prompt .grid button[data-position="${p}"]`);
      await page.click("#pin-send");
      pinDone = true;
    } else if (state.buttons.includes("12")) {
      await page.evaluate(() => [...document.querySelectorAll("#backup-prompt .choices button")].find((b) => b.textContent === "12").click());
    } else if (state.buttons.includes(zh ? "是" : "Yes")) {
      await page.evaluate((y) => [...document.querySelectorAll("#backup-prompt .choices button")].find((b) => b.textContent === y).click(), zh ? "是" : "Yes");
    }
    await sleep(200);
  }
  const backup = await page.$eval("#backup-result", (e) => e.dataset.verdict);
  if (backup !== "matches") {
    const seen = await page.$eval("#backup-run", (e) => e.innerText);
    await page.screenshot({ path: path.join(shots, `backup-failed-${lang}.png`), fullPage: true });
    fail("backup check result: " + backup + "; the page showed: " + seen + " errors: " + violations.join(" | "));
  }
  await page.screenshot({ path: path.join(shots, `backup-${lang}.png`), fullPage: true });
  console.log("backup check: " + backup);

  // Bench and statistics.
  await page.click('#tabs button[data-tab="bench"]');
  await page.waitForFunction(() => document.querySelectorAll("#bench-rows tr").length >= 1, { timeout: 10000 });
  await page.click('#tabs button[data-tab="stats"]');
  await page.waitForFunction(() => document.querySelectorAll("#stats-charts svg rect").length >= 1, { timeout: 10000 });
  await page.screenshot({ path: path.join(shots, `stats-${lang}.png`), fullPage: true });

  // Errors in the page's language; a page whose session is gone says how to sign in again.
  const errorOf = (route) => page.evaluate(async (r) => {
    try { await api("GET", r); return ""; } catch (e) { return e.message; }
  }, route);
  const notFound = await errorOf("/api/v1/diagnoses/0");
  if (zh ? !/\u6ca1\u6709/.test(notFound) : notFound !== "no such diagnosis") fail("an error not in the page's language: " + notFound);
  await page.deleteCookie(...(await page.cookies()));
  const signedOut = await errorOf("/api/v1/devices");
  if (!(zh ? /登录链接/ : /login link/).test(signedOut)) fail("a lost session does not say how to sign in: " + signedOut);

  if (violations.length) fail("CSP or script errors: " + violations.join(" | "));
  if (externals.length) fail("requests outside the service: " + externals.join(", "));
  console.log("OK " + lang);
} finally {
  await browser.close();
}
