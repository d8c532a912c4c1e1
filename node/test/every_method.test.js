'use strict'
// Walks the model (tests/vectors/model.json, written by scripts/generate): every typed
// method, with the example its declaration gives, against the sandbox. No list of methods
// is kept here: a method added to the model is called by this test. Each is answered as
// IOVOX would: a success, or an IOVOX error; never the sandbox's 501 or an unknown route.
// And every request-only rule of every typed method (tests/vectors/rules.json, what the
// core's walk of the model finds): each request that breaks one is refused by the client
// with that rule's error, and never reaches the sandbox.
const test = require('node:test')
const assert = require('node:assert/strict')
const fs = require('node:fs')
const path = require('node:path')
const iovox = require('..')
const { Sandbox } = require('iovox-sandbox')
const { ROOT, KEY, camel } = require('./helpers')

const MODEL = JSON.parse(fs.readFileSync(path.join(ROOT, 'tests', 'vectors', 'model.json'), 'utf8')).methods
const TYPED = MODEL.filter((m) => m.typed)
const RULES = JSON.parse(fs.readFileSync(path.join(ROOT, 'tests', 'vectors', 'rules.json'), 'utf8')).methods
const camelName = (name) => name.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase())
// A method's arguments in camelCase, but for call variables: their names are the caller's.
const argsOf = (m, args) => {
  const out = camel(args)
  for (const p of (m.action?.params ?? []).filter((p) => p.kind === 'variables')) {
    if (args[p.name] !== undefined) out[camelName(p.name)] = args[p.name]
  }
  return out
}
// The largest `limit` a method's declaration takes: one page holds every result.
const largestLimit = (m) => m.arguments.find((a) => a.name === 'limit').bounds[1]
// The arguments a method cannot go without, from its declared example (camelCase).
const required = (m) =>
  Object.fromEntries(m.arguments.filter((a) => a.required).map((a) => [camel(a.name), m.example[a.name]]))

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

test('every rule of every typed method is refused before sending, with its error', async () => {
  assert.deepEqual(Object.keys(RULES).sort(), TYPED.map((m) => m.name).sort())
  const sandbox = await Sandbox.start({ secureKey: KEY })
  const client = new iovox.Client({ username: sandbox.username, secureKey: KEY, baseUrl: sandbox.url, retries: 0 })
  try {
    let rules = 0
    for (const m of TYPED) {
      for (const r of RULES[m.name]) {
        await assert.rejects(client[m.name](argsOf(m, r.args)), (e) => {
          assert.ok(e instanceof iovox.ValidationError, `${m.name}: ${e}`)
          const got = e.errors.map((x) => [x.code, x.field, x.message])
          const want = [r.code, r.field && camelName(r.field), r.message]
          assert.ok(got.some((g) => JSON.stringify(g) === JSON.stringify(want)), `${m.name}: ${JSON.stringify(got)} lacks ${want}`)
          return true
        })
        rules += 1
      }
    }
    assert.ok(rules >= 150)
    assert.equal(sandbox.stats.requests, 0)
    for (const m of TYPED) {
      try {
        await client[m.name](argsOf(m, m.example))
      } catch (e) {
        assert.ok(e instanceof iovox.ApiError, `${m.name}: ${e}`)
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
      const whole = await client[m.name]({ ...required(m), limit: largestLimit(m) })
      const walked = []
      for await (const r of client[`iter${m.name.slice(3)}`]({ ...required(m), limit: 1 })) walked.push(r)
      assert.deepEqual(walked, whole.results, m.name)
    }
  } finally {
    client.close()
    await sandbox.close()
  }
})

test('every list method gives whole pages (iterPages) and pages that JSON.stringify as they are', async () => {
  const sandbox = await Sandbox.start({ secureKey: KEY })
  const client = new iovox.Client({ username: sandbox.username, secureKey: KEY, baseUrl: sandbox.url, retries: 0 })
  try {
    await client.purchaseVoxNumbers({ items: [{ countryCode: 44, areaCode: 151, numberType: 'GEOGRAPHIC', quantity: 3 }] })
    for (const m of TYPED.filter((t) => t.list)) {
      const whole = await client[m.name]({ ...required(m), limit: largestLimit(m) })
      const before = sandbox.stats.requests
      const pages = []
      for await (const p of client[`iter${m.name.slice(3)}`]({ ...required(m), limit: 2 }).iterPages()) pages.push(p)
      assert.equal(sandbox.stats.requests - before, Math.max(1, pages.length), m.name)
      assert.deepEqual(pages.map((p) => p.currentPage), pages.map((_, i) => i + 1), m.name)
      for (const p of pages) assert.equal(p.totalResults, whole.results.length, m.name)
      assert.deepEqual(pages.flatMap((p) => p.results), whole.results, m.name)

      // Dates are the model's date-time fields, as Date; JSON gives them as ISO text.
      const json = JSON.parse(JSON.stringify(whole))
      assert.equal(json.totalResults, whole.totalResults)
      for (const f of m.fields) {
        const key = Object.keys(camel({ [f.element]: 0 }))[0]
        for (const [i, r] of whole.results.entries()) {
          if (r[key] === undefined || r[key] === null) continue
          if (f.kind === 'date-time') {
            assert.ok(r[key] instanceof Date, `${m.name}.${key}`)
            assert.equal(json.results[i][key], r[key].toISOString())
          } else {
            assert.deepEqual(json.results[i][key], r[key])
          }
        }
      }
    }

    // `break` stops the walk: no page is fetched after it.
    const before = sandbox.stats.requests
    for await (const n of client.iterVoxnumbers({ limit: 1 })) {
      assert.ok(n)
      break
    }
    assert.equal(sandbox.stats.requests - before, 1)

    // A part-read iterator cannot give its page whole.
    const walk = client.iterVoxnumbers({ limit: 2 })
    await walk.next()
    await assert.rejects(walk.iterPages().next(), /part-way through a page/)

    // Arguments are checked before anything is sent; the first read throws their error.
    const sent = sandbox.stats.requests
    await assert.rejects(client.iterVoxnumbers({ page: 0 }).iterPages().next(), iovox.ValidationError)
    assert.equal(sandbox.stats.requests, sent)
  } finally {
    client.close()
    await sandbox.close()
  }
})
