// Runs axe-core on one HTML file in the machine's chromium (puppeteer-core; no browser is downloaded) at one
// window width, and writes the violations as JSON: { axe, width, violations: [{ id, impact, help, nodes: [target...] }] }.
// Usage: node axe-report.js <node_modules folder> <chromium> <html file> <width> <height> <output json>
const path = require('path');
const fs = require('fs');
const [modulesArg, chromium, html, width, height, out] = process.argv.slice(2);
const modules = path.resolve(modulesArg);
const puppeteer = require(path.join(modules, 'puppeteer-core'));
const axeSource = fs.readFileSync(path.join(modules, 'axe-core', 'axe.min.js'), 'utf8');

(async () => {
  const browser = await puppeteer.launch({
    executablePath: chromium,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-extensions'],
  });
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: Number(width), height: Number(height) });
    await page.goto('file://' + path.resolve(html), { waitUntil: 'load' });
    await page.evaluate(axeSource);
    const result = await page.evaluate(() => axe.run(document, { resultTypes: ['violations'] }));
    const violations = result.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(' ')) }));
    fs.writeFileSync(out, JSON.stringify({ axe: result.testEngine.version, width: Number(width), violations }));
  } finally {
    await browser.close();
  }
})().catch(e => { console.error(e); process.exit(2); });
