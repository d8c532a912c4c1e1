'use strict'
// The package at its edges: settings refused at construction, aborts before and after
// sending, per-call timeouts, servers that echo the key, text XML cannot carry, typos,
// TLS with a company CA. Each test asserts what a user sees.
const test = require('node:test')
const assert = require('node:assert')
const fs = require('node:fs')
const https = require('node:https')
const net = require('node:net')
const path = require('node:path')
const iovox = require('..')
const { Sandbox } = require('iovox-sandbox')
const { ROOT, KEY, canned } = require('./helpers')

const LONDON = { countryCode: 44, areaCode: 20, numberType: 'GEOGRAPHIC', quantity: 1 }
const TLS = path.join(ROOT, 'tests', 'tls')

/** A socket that counts connections and never answers: proof that nothing was sent. */
async function listener() {
  let count = 0
  const server = net.createServer((s) => {
    count += 1
    s.destroy()
  })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    get count() {
      return count
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  }
}

function configError(options, says) {
  assert.throws(
    () => new iovox.Client({ username: 'me', secureKey: KEY, baseUrl: 'http://127.0.0.1:1', ...options }),
    (e) => {
      assert.ok(e instanceof iovox.ConfigError, `${e}`)
      assert.ok(e.message.includes(says), `${e.message} should say ${says}`)
      assert.ok(!e.message.includes(KEY))
      return true
    },
  )
}

test('numbers that cannot be timeouts or retries are ConfigErrors naming the setting', () => {
  configError({ timeoutMs: NaN }, 'timeoutMs must be a number of milliseconds above 0')
  configError({ timeoutMs: Number(process.env.IOVOX_NO_SUCH_VARIABLE) }, 'timeoutMs must be a number of milliseconds')
  configError({ connectTimeoutMs: Infinity }, 'connectTimeoutMs must be a number of milliseconds')
  configError({ timeoutMs: 1e22 }, 'at most 86400000')
  configError({ timeoutMs: '5000' }, 'timeoutMs must be a number, not string')
  configError({ retries: -1 }, 'retries must be a whole number from 0 to 10, not -1')
  configError({ retries: 2.5 }, 'retries must be a whole number from 0 to 10, not 2.5')
  configError({ retries: NaN }, 'retries must be a whole number')
  configError({ maxResponseBytes: 0 }, 'maxResponseBytes must be a whole number of bytes from 1024 to 1073741824, not 0')
  configError({ maxResponseBytes: 2048.5 }, 'maxResponseBytes must be a whole number of bytes from 1024 to 1073741824, not 2048.5')
  configError({ maxResponseBytes: NaN }, 'maxResponseBytes must be a whole number of bytes from 1024 to 1073741824, not NaN')
})

test('the answer cap is a setting; a bigger answer is a DecodeError', async () => {
  const sb = await Sandbox.start({ secureKey: KEY })
  const small = new iovox.Client({ username: sb.username, secureKey: KEY, baseUrl: sb.url, maxResponseBytes: 1024 })
  try {
    await assert.rejects(small.getVoxnumbers(), (e) => e instanceof iovox.DecodeError && /over the 1024-byte cap/.test(e.message))
  } finally {
    small.close()
    await sb.close()
  }
})

test('a bad base URL or credential is refused at construction, and nothing is sent', async () => {
  const sock = await listener()
  try {
    configError({ baseUrl: 'http://127.0.0.1:99999' }, 'invalid port number')
    configError({ baseUrl: '' }, 'the base URL is empty')
    configError({ baseUrl: `${sock.url}/?v=3` }, 'query string')
    configError({ baseUrl: sock.url, username: 'me\r\nX-Evil: 1' }, 'the username holds a control character at position 3')
    configError({ baseUrl: sock.url, secureKey: 'ab\u0000cd' }, 'the secure key holds a control character')
    configError({ baseUrl: sock.url, secureKey: 'clé' }, 'the secure key holds a character that is not ASCII')
    assert.equal(sock.count, 0)
  } finally {
    await sock.close()
  }
})

test('an empty IOVOX_BASE_URL is refused, not taken for production', () => {
  const saved = { ...process.env }
  try {
    Object.assign(process.env, { IOVOX_USERNAME: 'me', IOVOX_SECURE_KEY: `${KEY}\n`, IOVOX_BASE_URL: '' })
    assert.throws(() => new iovox.Client(), /the base URL \(from IOVOX_BASE_URL\) is empty/)
    delete process.env.IOVOX_BASE_URL
    assert.equal(new iovox.Client().baseUrl, iovox.PRODUCTION_URL)
  } finally {
    process.env = saved
  }
})

test('aborted before it starts: AbortError, maybeSent false, nothing sent', async () => {
  const sock = await listener()
  try {
    const client = new iovox.Client({ username: 'me', secureKey: KEY, baseUrl: sock.url })
    const reason = new Error('user left')
    await assert.rejects(client.purchaseVoxNumbers({ items: [LONDON] }, { signal: AbortSignal.abort(reason) }), (e) => {
      assert.ok(e instanceof iovox.AbortError && e instanceof iovox.IovoxError)
      assert.equal(e.name, 'AbortError')
      assert.equal(e.code, 'ABORT_ERR')
      assert.equal(e.maybeSent, false)
      assert.equal(e.cause, reason)
      return true
    })
    await assert.rejects(client.attachVoxnumberToLink([{ linkId: '1', method: 'BY AREA', voxnumberIdd: 44, areaCode: 20 }], { signal: AbortSignal.abort() }), iovox.AbortError)
    assert.equal(sock.count, 0)
  } finally {
    await sock.close()
  }
})

test('aborted after sending: rejects at once with maybeSent true', async () => {
  const sandbox = await Sandbox.start({ secureKey: KEY, responseDelayMs: 3000 })
  try {
    const client = new iovox.Client({ username: sandbox.username, secureKey: KEY, baseUrl: sandbox.url })
    const controller = new AbortController()
    const started = Date.now()
    const call = client.purchaseVoxNumbers({ items: [LONDON] }, { signal: controller.signal })
    // Abort once the sandbox holds the request.
    while (sandbox.stats.requests === 0) await new Promise((r) => setTimeout(r, 5))
    const abortedAt = Date.now()
    controller.abort()
    await assert.rejects(call, (e) => e instanceof iovox.AbortError && e.maybeSent === true)
    // At once: well before the sandbox's 3 s answer (the bound allows a loaded machine).
    assert.ok(Date.now() - abortedAt < 1000, `${Date.now() - abortedAt} ms`)
    assert.ok(Date.now() - started < 3000)
  } finally {
    await sandbox.close()
  }
})

test('a per-call timeoutMs overrides the client', async () => {
  const sandbox = await Sandbox.start({ secureKey: KEY, responseDelayMs: 3000 })
  try {
    const client = new iovox.Client({ username: sandbox.username, secureKey: KEY, baseUrl: sandbox.url, timeoutMs: 60000 })
    const started = Date.now()
    await assert.rejects(client.purchaseVoxNumbers({ items: [LONDON] }, { timeoutMs: 200 }), (e) => e instanceof iovox.TimeoutError && e.maybeSent === true)
    // One 200 ms attempt (a purchase is not repeated once sent); the bound is 10x that.
    assert.ok(Date.now() - started < 2900, `${Date.now() - started} ms`)
    await assert.rejects(client.purchaseVoxNumbers({ items: [LONDON] }, { timeoutMs: NaN }), /timeoutMs must be a number of milliseconds/)
    await assert.rejects(client.purchaseVoxNumbers({ items: [LONDON] }, { timeout: 5 }), TypeError)
  } finally {
    await sandbox.close()
  }
})

test('a server echoing the key never gets it into an error', async () => {
  const server = await canned()
  try {
    const client = new iovox.Client({ username: 'me', secureKey: KEY, baseUrl: server.url, retries: 0 })
    const order = (status, cc, number) =>
      `<response><order_reference>r</order_reference><order_status>${status}</order_status><voxnumbers><voxnumber><country_code>${cc}</country_code><area_code>20</area_code><full_voxnumber>${number}</full_voxnumber></voxnumber></voxnumbers></response>`
    for (const [status, body] of [
      [201, order(KEY, 44, '442071234567')],
      [201, order('x'.repeat(30) + KEY, 44, '442071234567')],
      [201, order('PENDING', KEY, '442071234567')],
      [201, order('PENDING', 44, KEY)],
      [201, `<${KEY}/>`],
      [400, `<errors><error status="400">bad ${KEY}</error></errors>`],
      [502, `<html>${'y'.repeat(185)}${KEY}</html>`],
    ]) {
      server.answer(status, body)
      const e = await client.purchaseVoxNumbers({ items: [LONDON] }).then(() => assert.fail('must fail'), (e) => e)
      assert.ok(e instanceof iovox.IovoxError, `${e}`)
      const text = [e.message, ...e.messages, JSON.stringify(e)].join(' ')
      for (let i = 0; i + 10 <= KEY.length; i++) assert.ok(!text.includes(KEY.slice(i, i + 10)), `${body.slice(0, 60)}: ${text}`)
    }
  } finally {
    await server.close()
  }
})

test('text XML cannot carry, and a 10 MB field, are refused before sending', async () => {
  const sock = await listener()
  try {
    const client = new iovox.Client({ username: 'me', secureKey: KEY, baseUrl: sock.url })
    await assert.rejects(client.purchaseVoxNumbers({ items: [{ ...LONDON, cityName: 'Lon\u0000don' }] }), (e) => {
      assert.ok(e instanceof iovox.ValidationError)
      assert.deepEqual(e.errors, [
        { code: 'not_xml_text', position: { index: 1, total: 1 }, field: 'cityName', message: 'city_name 1 of 1 holds U+0000, a character XML cannot carry' },
      ])
      return true
    })
    await assert.rejects(client.purchaseVoxNumbers({ items: [{ ...LONDON, cityName: 'L'.repeat(20_000_000) }] }), (e) => {
      assert.ok(e instanceof iovox.ValidationError)
      assert.equal(e.errors[0].code, 'request_too_large')
      return true
    })
    assert.equal(sock.count, 0)
  } finally {
    await sock.close()
  }
})

test('an unknown key is a TypeError naming it and the nearest field', async () => {
  const client = new iovox.Client({ username: 'me', secureKey: KEY, baseUrl: 'http://127.0.0.1:1' })
  await assert.rejects(
    client.purchaseVoxNumbers({ items: [{ countryCode: 44, areaCode: 20, numberType: 'GEOGRAPHIC', quantiy: 2 }] }),
    { name: 'TypeError', message: "unknown field 'quantiy' in item 1 of 1; did you mean 'quantity'?" },
  )
  await assert.rejects(client.purchaseVoxNumbers({ items: [LONDON], callbackURL: 'https://x' }), {
    name: 'TypeError',
    message: "unknown field 'callbackURL' in the request; did you mean 'callbackUrl'?",
  })
  assert.throws(() => iovox.attachRequestXml([{ linkId: '1', method: 'BY VOXNUMBER', fullVoxNumber: '441512100200' }]), {
    name: 'TypeError',
    message: "unknown field 'fullVoxNumber' in link 1 of 1; did you mean 'fullVoxnumber'?",
  })
})

test('a company CA from caFile is trusted; without it the certificate is refused unsent', async () => {
  const server = https.createServer(
    { key: fs.readFileSync(path.join(TLS, 'server.key')), cert: fs.readFileSync(path.join(TLS, 'server.pem')) },
    (req, res) => {
      req.resume()
      req.on('end', () => {
        res.writeHead(201, { 'Content-Type': 'text/xml' })
        res.end('<response><order_reference>r1</order_reference><order_status>PENDING</order_status><voxnumbers/></response>')
      })
    },
  )
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `https://127.0.0.1:${server.address().port}`
  try {
    const plain = new iovox.Client({ username: 'me', secureKey: KEY, baseUrl: url })
    await assert.rejects(plain.purchaseVoxNumbers({ items: [LONDON] }), (e) => e instanceof iovox.ConnectionError && e.maybeSent === false && /UnknownIssuer/.test(e.message))
    const trusting = new iovox.Client({ username: 'me', secureKey: KEY, baseUrl: url, caFile: path.join(TLS, 'ca.pem') })
    assert.equal((await trusting.purchaseVoxNumbers({ items: [LONDON] })).orderReference, 'r1')
    configError({ caFile: '/nonexistent.pem' }, 'the CA file /nonexistent.pem cannot be read')
  } finally {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  }
})

test('an abort in the same tick as the call: told "not sent" means not sent (found by the abort lane)', async () => {
  const sandbox = await Sandbox.start({ secureKey: KEY })
  try {
    sandbox.restock({ count: 200 })
    const client = new iovox.Client({ username: sandbox.username, secureKey: KEY, baseUrl: sandbox.url })
    const notSent = []
    for (let i = 0; i < 50; i++) {
      const controller = new AbortController()
      const callbackUrl = `http://127.0.0.1:9/same-tick/${i}`
      const call = client.purchaseVoxNumbers({ items: [LONDON], callbackUrl }, { signal: controller.signal })
      controller.abort()
      await call.then(
        () => {},
        (e) => {
          assert.ok(e instanceof iovox.AbortError)
          if (!e.maybeSent) notSent.push(callbackUrl)
        },
      )
    }
    await new Promise((r) => setTimeout(r, 300)) // anything still running lands
    const log = new Set(sandbox.purchaseCallbackUrls)
    assert.deepEqual(notSent.filter((u) => log.has(u)), [])
    assert.ok(notSent.length > 0, 'some aborts came before sending')
  } finally {
    await sandbox.close()
  }
})
