// Debian's Chromium, headless and off the network, for every page script (the browser
// tests and bench/service/plug_to_page.mjs); never a downloaded browser.
import puppeteer from "puppeteer-core";

export function launchHeadless() {
  return puppeteer.launch({
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
           "--no-first-run", "--disable-sync"],
  });
}
