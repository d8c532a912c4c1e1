'use strict'
// Walks the model (tests/vectors/model.json, written by scripts/generate): every typed
// method, with the example its declaration gives, against the sandbox. No list of methods
// is kept here: a method added to the model is called by this test. Each is answered as
// IOVOX would: a success, or an IOVOX error; never the sandbox's 501 or an unknown route.
const test = require('node:test')
const assert = require('node:assert/strict')
const fs = require('node:fs')
const path = require('node:path')
const iovox = require('..')
const { Sandbox } = require('iovox-sandbox')
const { ROOT, KEY, camel } = require('./helpers')

const MODEL = JSON.parse(fs.readFileSync(path.join(ROOT, 'tests', 'vectors', 'model.json'), 'utf8')).methods
const TYPED = MODEL.filter((m) => m.typed)

test('every typed method of the model, with its example, is answered by the sandbox', async () => {
  assert.ok(TYPED.length >= 8)
  const sandbox = await Sandbox.start({ secureKey: KEY })
  const client = new iovox.Client({ username: sandbox.username, secureKey: KEY, baseUrl: sandbox.url, retries: 0 })
  try {
    for (const m of TYPED) {
      // IOVOX's name is the method's; its arguments are one object, in camelCase.
      try {
        await client[m.name](camel(m.example))
      } catch (e) {
        assert.ok(e instanceof iovox.ApiError, `${m.name}: ${e}`)
        assert.ok(![404, 501].includes(e.status), `${m.name}: ${e.message}`)
      }
    }
    assert.equal(sandbox.stats.requests, TYPED.length)
  } finally {
    client.close()
    await sandbox.close()
  }
})

test('every list method of the model walks its pages with for await', async () => {
  const sandbox = await Sandbox.start({ secureKey: KEY })
  const client = new iovox.Client({ username: sandbox.username, secureKey: KEY, baseUrl: sandbox.url, retries: 0 })
  try {
    for (const m of TYPED.filter((t) => t.list)) {
      const whole = await client[m.name]({ limit: 20000 })
      const walked = []
      for await (const r of client[`iter${m.name.slice(3)}`]({ limit: 1 })) walked.push(r)
      assert.deepEqual(walked, whole.results, m.name)
    }
  } finally {
    client.close()
    await sandbox.close()
  }
})
