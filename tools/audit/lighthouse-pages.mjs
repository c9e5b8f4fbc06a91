// Lighthouse's default mobile audit (simulated slow 4G, 4x CPU slowdown, all four categories) of
// many pages, one after another, in one Chrome started once.
//
//   node tools/audit/lighthouse-pages.mjs JOBS.json
//
// JOBS.json is a list of {"url": ..., "report": ...}: each page's full Lighthouse report (JSON) is
// written to its "report" path, or {"error": ...} if Lighthouse could not audit it. One line per page
// goes to stdout as it finishes. Runs are sequential: two at once on a small machine would slow each
// other down and distort the scores. scripts/audit.py writes the jobs and reads the reports.
import {readFileSync, writeFileSync} from 'node:fs';
import process from 'node:process';

import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

const jobs = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const chromeFlags = ['--headless=new', '--disable-gpu', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];
if (process.getuid?.() === 0) chromeFlags.push('--no-sandbox');

const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  chromeFlags,
});
let failures = 0;
try {
  for (const [index, {url, report}] of jobs.entries()) {
    const started = performance.now();
    let status;
    try {
      // No config: Lighthouse's defaults are the mobile profile and all four categories.
      const result = await lighthouse(url, {port: chrome.port, output: 'json', logLevel: 'error'});
      writeFileSync(report, result.report, 'utf8');
      status = result.lhr.runtimeError ? `runtime error: ${result.lhr.runtimeError.code}` : 'ok';
    } catch (error) {
      writeFileSync(report, JSON.stringify({error: String(error?.stack || error)}), 'utf8');
      status = `failed: ${error}`;
    }
    if (status !== 'ok') failures += 1;
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`[${index + 1}/${jobs.length}] ${seconds} s ${url} ${status}`);
  }
} finally {
  await chrome.kill();
}
process.exitCode = failures ? 1 : 0;
