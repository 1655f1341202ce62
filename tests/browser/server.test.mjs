// Tests for the tiny static server the browser tests use (tests/browser/server.mjs).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import { startServer } from './server.mjs';

let dir;
let srv;

// Raw GET, so that "../" is sent as is (fetch would normalise it away).
function get(pathname, method = 'GET') {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: srv.port, path: pathname, method }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, type: res.headers['content-type'], body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pepgen-server-test-'));
  const files = {
    'index.html': '<!DOCTYPE html><title>home</title>',
    'a/index.html': '<!DOCTYPE html><title>a</title>',
    'assets/style.css': 'body{}',
    'x.js': '1', 'x.json': '{}', 'x.svg': '<svg/>', 'x.xml': '<x/>', 'x.csv': 'a,b', 'x.png': 'png',
    'ruang kosong.html': 'spaces',
  };
  for (const [f, c] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    fs.writeFileSync(path.join(dir, f), c);
  }
  fs.writeFileSync(path.join(path.dirname(dir), 'pepgen-secret.txt'), 'secret');
  srv = await startServer(dir);
});

after(async () => {
  await srv?.close();
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(path.join(path.dirname(dir), 'pepgen-secret.txt'), { force: true });
});

test('listens on 127.0.0.1 with a random port', () => {
  assert.equal(srv.host, '127.0.0.1');
  assert.equal(srv.server.address().address, '127.0.0.1');
  assert.ok(srv.port > 0);
  assert.equal(srv.url, `http://127.0.0.1:${srv.port}/`);
});

test('content types', async () => {
  const want = {
    '/index.html': 'text/html', '/assets/style.css': 'text/css', '/x.js': 'text/javascript',
    '/x.json': 'application/json', '/x.svg': 'image/svg+xml', '/x.xml': 'application/xml',
    '/x.csv': 'text/csv', '/x.png': 'image/png',
  };
  for (const [p, type] of Object.entries(want)) {
    const r = await get(p);
    assert.equal(r.status, 200, p);
    assert.ok(r.type.startsWith(type), `${p}: ${r.type}`);
  }
});

test('directories serve index.html; percent-encoded names work', async () => {
  assert.match((await get('/')).body, /home/);
  assert.match((await get('/a/')).body, /<title>a</);
  assert.match((await get('/a')).body, /<title>a</);
  assert.equal((await get('/ruang%20kosong.html')).body, 'spaces');
});

test('no escape from the root', async () => {
  for (const p of ['/../pepgen-secret.txt', '/a/../../pepgen-secret.txt', '/%2e%2e/pepgen-secret.txt', '/..%2fpepgen-secret.txt']) {
    const r = await get(p);
    assert.equal(r.status, 404, p);
    assert.doesNotMatch(r.body, /secret/, p);
  }
});

test('404 uses the site 404.html when it exists, plain text otherwise', async () => {
  let r = await get('/nope.html');
  assert.equal(r.status, 404);
  assert.match(r.type, /^text\/plain/);
  fs.writeFileSync(path.join(dir, '404.html'), '<!DOCTYPE html><title>Tidak ditemukan</title>');
  r = await get('/nope/deeper/index.html');
  assert.equal(r.status, 404);
  assert.match(r.type, /^text\/html/);
  assert.match(r.body, /Tidak ditemukan/);
});

test('only GET and HEAD', async () => {
  assert.equal((await get('/index.html', 'POST')).status, 405);
  const h = await get('/index.html', 'HEAD');
  assert.equal(h.status, 200);
  assert.equal(h.body, '');
});
