import { chromium } from 'playwright-core';
import { startServer } from './server.mjs';
import fs from 'node:fs';
const srv = await startServer('site');
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu'] });
const p = await b.newPage({ viewport: { width: Number(process.argv[2] || 1280), height: 900 } });
const css = process.argv[3];
const files = fs.readdirSync('site', { recursive: true }).filter(f => f.endsWith('.html'));
for (const f of files) {
  await p.goto(srv.url + f);
  if (css) await p.addStyleTag({ content: css });
  const r = await p.evaluate(() => [...document.querySelectorAll('.table-wrap, .chart-scroll')].filter(e => e.scrollWidth > e.clientWidth).map(e => `${e.className} ${e.closest('[id]')?.id} ${e.scrollWidth}/${e.clientWidth}`));
  if (r.length) console.log(f, r);
}
await b.close(); await srv.close();
