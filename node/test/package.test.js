'use strict'
// The package as a user meets it: require and import, the README quick start, the types,
// and a process that ends on its own once the sandbox and client are closed.
const assert = require('node:assert/strict')
const { execFileSync, spawnSync } = require('node:child_process')
const path = require('node:path')
const { test } = require('node:test')
const { ROOT } = require('./helpers')

const NODE_DIR = path.join(ROOT, 'node')
const node = (args, options = {}) =>
  spawnSync(process.execPath, args, { cwd: NODE_DIR, encoding: 'utf8', timeout: 60_000, ...options })

test('CommonJS require and ESM import give the same API', async () => {
  const cjs = require('iovox')
  const esm = await import('iovox')
  assert.equal(esm.Client, cjs.Client)
  assert.equal(esm.default, cjs)
  for (const name of Object.keys(cjs)) assert.equal(esm[name], cjs[name], name)
  const sandbox = require('iovox-sandbox')
  const sandboxEsm = await import('iovox-sandbox')
  assert.equal(sandboxEsm.Sandbox, sandbox.Sandbox)
  assert.equal(sandboxEsm.default, sandbox)
})

test('the SDK carries no sandbox: it is the package iovox-sandbox, whose orders are the SDK\'s', async () => {
  assert.equal(require('iovox').Sandbox, undefined)
  const { Client } = require('iovox')
  const { Sandbox } = require('iovox-sandbox')
  const sandbox = await Sandbox.start()
  try {
    const client = new Client({ username: sandbox.username, secureKey: sandbox.secureKey, baseUrl: sandbox.url })
    const order = await client.purchaseVoxNumbers({ items: [{ countryCode: 44, areaCode: 151, numberType: 'GEOGRAPHIC', quantity: 1 }] })
    assert.deepEqual(sandbox.orders, [order])
    client.close()
  } finally {
    await sandbox.close()
  }
})

test('the README quick start runs', () => {
  const done = node(['examples/quickstart.js'])
  assert.equal(done.status, 0, done.stderr)
  const lines = done.stdout.trim().split('\n')
  assert.match(lines[0], / FULFILLED$/)
  assert.match(lines[1], /^attached \+44151/)
  assert.equal(lines.length, 2, done.stdout)
})

test('the process ends by itself after close()', () => {
  const script = `
    const { Client } = require('iovox')
    const { Sandbox } = require('iovox-sandbox')
    ;(async () => {
      const sandbox = await Sandbox.start()
      const client = new Client({ username: sandbox.username, secureKey: sandbox.secureKey, baseUrl: sandbox.url })
      await client.purchaseVoxNumbers({ items: [{ countryCode: 44, areaCode: 20, numberType: 'GEOGRAPHIC', quantity: 1 }] })
      client.close()
      await sandbox.close()
      console.log('closed')
    })()`
  const began = Date.now()
  const done = node(['-e', script], { timeout: 10_000 })
  assert.equal(done.status, 0, `${done.error ?? ''} ${done.stderr}`)
  assert.equal(done.stdout.trim(), 'closed')
  assert.ok(Date.now() - began < 5000)
})

test('native.d.ts is what napi-rs generates from each addon (no drift)', () => {
  // The build regenerates them; a difference from the committed files is drift.
  const files = ['node/native.d.ts', 'node-sandbox/native.d.ts']
  const status = execFileSync('git', ['status', '--porcelain', '--', ...files], { cwd: ROOT, encoding: 'utf8' })
  assert.equal(status, '', 'native.d.ts changed on build: commit the regenerated file')
})

test('an example using every public name compiles with tsc --strict', () => {
  const tsc = path.join(NODE_DIR, 'node_modules', 'typescript', 'bin', 'tsc')
  const done = node([tsc, '-p', 'tsconfig.json'])
  assert.equal(done.status, 0, done.stdout + done.stderr)
})

// A project of a user's, fresh: strict, `types` as TypeScript 7 leaves it (no Node types
// unless asked) and as a Node project has it; TypeScript 5 and 7 each. The package's types
// must stand alone, and bytes are a Buffer exactly where the project knows Buffer.
test('the types compile in a fresh TypeScript 5 and 7 project, with and without Node\'s types', () => {
  const fs = require('node:fs')
  const use = `
import { Client, decodePage, parseCallback, type Bytes, type Order, type Page, type AccountVoxnumber } from 'iovox'
export async function main(): Promise<number> {
  const client = new Client({ username: 'u', secureKey: 'k', baseUrl: 'http://127.0.0.1:9' })
  const raw = await client.rawRequest({ interface: 'Voxnumbers', method: 'getVoxnumbers', verb: 'GET' })
  const bytes: Uint8Array = raw.body
  const same: Bytes = raw.body
  const page: Page<AccountVoxnumber> = decodePage('getVoxnumbers', new Uint8Array(bytes))
  const order: Order = parseCallback('<response/>')
  return page.results.length + order.voxnumbers.length + same.length
}
`
  const withNode = `
import { Client } from 'iovox'
export async function text(client: Client): Promise<string> {
  return (await client.rawRequest({ interface: 'a', method: 'b', verb: 'GET' })).body.toString('utf8')
}
`
  const compilers = { 5: 'typescript', 7: 'typescript-7' }
  for (const [version, pkg] of Object.entries(compilers)) {
    for (const types of [[], ['node']]) {
      // Inside node/ so that `iovox` resolves to this package by its own name.
      const dir = fs.mkdtempSync(path.join(NODE_DIR, '.fresh-ts-'))
      try {
        fs.writeFileSync(path.join(dir, 'main.ts'), use)
        const files = ['main.ts']
        if (types.length) {
          fs.writeFileSync(path.join(dir, 'node.ts'), withNode)
          files.push('node.ts')
        }
        fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({
          compilerOptions: { strict: true, noEmit: true, target: 'ES2022', module: 'nodenext', moduleResolution: 'nodenext', types, skipLibCheck: false },
          files,
        }))
        const tsc = path.join(NODE_DIR, 'node_modules', pkg, 'bin', 'tsc')
        const done = node([tsc, '-p', dir])
        assert.equal(done.status, 0, `TypeScript ${version}, types ${JSON.stringify(types)}:\n${done.stdout}${done.stderr}`)
      } finally {
        fs.rmSync(dir, { recursive: true, force: true })
      }
    }
  }
})

test('each published target is the platform the loader looks for there', () => {
  const { platformName, targetPlatform } = require('../native')
  // Where the release builds each target, and what Node says on such a machine.
  const runsOn = {
    'x86_64-unknown-linux-gnu': ['linux', 'x64', 'gnu'],
    'aarch64-unknown-linux-gnu': ['linux', 'arm64', 'gnu'],
    'x86_64-unknown-linux-musl': ['linux', 'x64', 'musl'],
    'aarch64-unknown-linux-musl': ['linux', 'arm64', 'musl'],
    'x86_64-apple-darwin': ['darwin', 'x64', null],
    'aarch64-apple-darwin': ['darwin', 'arm64', null],
    'x86_64-pc-windows-msvc': ['win32', 'x64', null],
  }
  for (const dir of ['node', 'node-sandbox']) {
    const { targets } = require(path.join(ROOT, dir, 'package.json')).napi
    assert.deepEqual([...targets].sort(), Object.keys(runsOn).sort(), dir)
    for (const target of targets) assert.equal(targetPlatform(target), platformName(...runsOn[target]), target)
  }
  assert.throws(() => targetPlatform('riscv64gc-unknown-linux-gnu'), /no npm platform/)
})

test('the loader names the platform when no addon fits', () => {
  const { platformName } = require('../native')
  assert.equal(platformName('linux', 'x64', 'gnu'), 'linux-x64-gnu')
  assert.equal(platformName('linux', 'arm64', 'musl'), 'linux-arm64-musl')
  assert.equal(platformName('darwin', 'arm64', null), 'darwin-arm64')
  assert.equal(platformName('win32', 'x64', null), 'win32-x64-msvc')
  // A package with no addon of its own (as published), in a process that pretends to be
  // on AIX, finds none and is told why.
  const fs = require('node:fs')
  const dir = fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'iovox-loader-'))
  for (const file of ['native.js', 'package.json']) fs.copyFileSync(path.join(__dirname, '..', file), path.join(dir, file))
  const script =
    "Object.defineProperty(process, 'platform', { value: 'aix' });" +
    "Object.defineProperty(process, 'arch', { value: 'ppc64' });" +
    "try { require('./native').load() } catch (e) { console.log(e.code + ' ' + e.message) }"
  const out = spawnSync(process.execPath, ['-e', script], { cwd: dir, encoding: 'utf8' })
  fs.rmSync(dir, { recursive: true, force: true })
  assert.match(out.stdout, /^IOVOX_NO_NATIVE_ADDON iovox has no native addon for this platform \(aix-ppc64, Node /)
  assert.match(out.stdout, /build it from the source/)
})
