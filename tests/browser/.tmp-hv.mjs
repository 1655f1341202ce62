import { HtmlValidate } from 'html-validate';
import fs from 'node:fs';
const cfg = JSON.parse(fs.readFileSync('tests/browser/.htmlvalidate.json','utf8')); delete cfg.$schema;
const hv = new HtmlValidate(cfg);
for (const f of process.argv.slice(2)) {
  const r = await hv.validateFile(f);
  for (const res of r.results) for (const m of res.messages) console.log(f, m.line, m.ruleId, m.message, m.selector);
}
