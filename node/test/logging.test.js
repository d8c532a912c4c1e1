'use strict'
// What the SDK did: with IOVOX_LOG=debug (or the `log` option), one line per attempt on
// stderr, with the method, the outcome, the attempt, the duration and whether it may have
// been sent; never the secure key, the callback's password or a request's personal data.
const test = require('node:test')
const assert = require('node:assert/strict')
const { spawnSync } = require('node:child_process')
const path = require('node:path')
const iovox = require('..')
const { KEY } = require('./helpers')

const PERSONAL = ['Augusta-Ada', 'Lovelace-King', 'Marylebone-High-Street', 'Westminster-City', 'hunter2-callback']

const script = `
const { Client } = require('iovox')
const { Sandbox } = require('iovox-sandbox')
const [first, last, street, city, password] = ${JSON.stringify(PERSONAL)}
const paris = { items: [{ countryCode: 33, areaCode: 1, numberType: 'GEOGRAPHIC', quantity: 1,
  additionalInformation: { firstname: first, lastname: last, company: 'Co', street, buildingNumber: 7, city, zipcode: '75001' } }],
  callbackUrl: 'https://hook:' + password + '@me.example/cb' }
;(async () => {
  const sandbox = await Sandbox.start({ secureKey: ${JSON.stringify(KEY)} })
  const client = new Client({ username: sandbox.username, secureKey: ${JSON.stringify(KEY)}, baseUrl: sandbox.url, timeoutMs: 300 })
  try {
    await client.purchaseVoxNumbers(paris)
    sandbox.inject('500')
    await client.getVoxnumbers()
    for (const fault of ['slow:800', 'drop', 'not-xml']) {
      sandbox.inject(fault)
      await client.purchaseVoxNumbers(paris).catch(() => {})
    }
    await new Client({ username: sandbox.username, secureKey: 'not-the-key', baseUrl: sandbox.url }).getLinks().catch(() => {})
    await client.getVoxnumbers({ limit: 0 }).catch(() => {})
    const quiet = new Client({ username: sandbox.username, secureKey: ${JSON.stringify(KEY)}, baseUrl: sandbox.url, log: false })
    await quiet.getCountries()
    console.log(JSON.stringify(sandbox.stats.requests))
  } finally {
    client.close()
    await sandbox.close()
  }
})()
`

function run(env) {
  return spawnSync(process.execPath, ['-e', script], {
    cwd: path.join(__dirname, '..'),
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, ...env },
  })
}

test('IOVOX_LOG=debug: one line per attempt on stderr, no secret, no personal data', () => {
  const done = run({ IOVOX_LOG: 'debug' })
  assert.equal(done.status, 0, done.stderr)
  const lines = done.stderr.split('\n').filter((l) => l.startsWith('iovox request '))
  const seen = lines.map((l) => l.match(/method=(\S+) outcome=(\S+) attempt=(\d+) duration_ms=\d+ maybe_sent=(true|false)$/).slice(1, 4).join(' '))
  assert.deepEqual(seen, [
    'purchaseVoxNumbers ok 1',
    'getVoxnumbers 500 1',
    'getVoxnumbers ok 2',
    'purchaseVoxNumbers timeout 1',
    'purchaseVoxNumbers connection 1',
    'purchaseVoxNumbers 502 1',
    'getLinks 401 1',
  ])
  // Every request but the quiet client's one was logged.
  assert.equal(Number(done.stdout.trim()), lines.length + 1)
  for (const secret of [KEY, 'not-the-key', ...PERSONAL]) assert.ok(!done.stderr.includes(secret), secret)
})

test('without IOVOX_LOG nothing is written', () => {
  const done = run({ IOVOX_LOG: '' })
  assert.equal(done.status, 0, done.stderr)
  assert.equal(done.stderr, '')
})

test('a log setting that means nothing is a ConfigError naming it, not silence', () => {
  assert.throws(() => new iovox.Client({ username: 'u', secureKey: 'k', log: 'yes' }), (e) =>
    e instanceof iovox.ConfigError && e.message.includes('log must be true or false, not string'))
  const before = process.env.IOVOX_LOG
  process.env.IOVOX_LOG = 'verbose'
  try {
    assert.throws(() => new iovox.Client({ username: 'u', secureKey: 'k' }), (e) =>
      e instanceof iovox.ConfigError && e.message.includes('IOVOX_LOG must be debug'))
    // The option wins over the environment.
    new iovox.Client({ username: 'u', secureKey: 'k', log: false }).close()
  } finally {
    if (before === undefined) delete process.env.IOVOX_LOG
    else process.env.IOVOX_LOG = before
  }
})
