// The page half of bench_plug_to_page: signs in, opens the diagnose screen and prints,
// for every device button that appears in (or leaves) the device list, its path and the
// moment the DOM changed, in milliseconds since the epoch:
//   seen PATH EPOCH_MS   /   gone PATH EPOCH_MS
// The moment is taken in the page (performance.timeOrigin + performance.now()) by a
// MutationObserver on #devices, so it is the DOM change itself, before any paint.
// Usage: node plug_to_page.mjs LOGIN_URL
// puppeteer-core is installed once, for the browser tests (scripts/setup.sh); the
// launcher beside them resolves it there.
import { launchHeadless } from "../../tests/browser/headless.mjs";

const [loginUrl] = process.argv.slice(2);
const browser = await launchHeadless();
const page = await browser.newPage();
await page.exposeFunction("ccChange", (kind, path, at) => { console.log(`${kind} ${path} ${at.toFixed(3)}`); });
await page.goto(loginUrl, { waitUntil: "domcontentloaded" });
await page.goto(new URL(loginUrl).origin + "/?lang=en", { waitUntil: "domcontentloaded" });
await page.evaluate(() => {
  const list = document.getElementById("devices");
  let shown = new Set();
  const offered = () => new Set([...list.querySelectorAll("button:not([disabled])")].map((b) => b.dataset.path));
  new MutationObserver(() => {
    const at = performance.timeOrigin + performance.now();
    const now = offered();
    for (const p of now) if (!shown.has(p)) window.ccChange("seen", p, at);
    for (const p of shown) if (!now.has(p)) window.ccChange("gone", p, at);
    shown = now;
  }).observe(list, { childList: true, subtree: true, attributes: true });
});
// The device stream is opened by the page's own script at load; give it a moment.
await new Promise((r) => setTimeout(r, 1000));
console.log("ready");
// Runs until SIGINT or SIGTERM, then closes the browser.
const end = async () => { await browser.close(); process.exit(0); };
process.on("SIGINT", end);
process.on("SIGTERM", end);
setInterval(() => {}, 1 << 30);
