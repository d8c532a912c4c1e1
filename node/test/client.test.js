'use strict'
// Both methods end to end against the in-process Sandbox; each error class.
const assert = require('node:assert/strict')
const net = require('node:net')
const util = require('node:util')
const http = require('node:http')
const { test, beforeEach, afterEach } = require('node:test')
const iovox = require('..')
const { Sandbox } = require('iovox-sandbox')
const { KEY, canned } = require('./helpers')

const LIVERPOOL = { countryCode: 44, areaCode: 151, numberType: 'GEOGRAPHIC', quantity: 2 }
let sandbox, client

beforeEach(async () => {
  sandbox = await Sandbox.start({ secureKey: KEY })
  client = new iovox.Client({ username: sandbox.username, secureKey: KEY, baseUrl: sandbox.url, retries: 0 })
})
afterEach(async () => {
  client.close()
  await sandbox.close()
})

function showsNoKey(e) {
  assert.ok(e instanceof Error && e instanceof iovox.IovoxError)
  for (const text of [e.message, String(e), e.stack, util.inspect(e), JSON.stringify(e)]) {
    assert.ok(!text.includes(KEY), text)
  }
}

test('purchase and attach, camelCase objects', async () => {
  const order = await client.purchaseVoxNumbers({ items: [LIVERPOOL] })
  assert.equal(order.orderStatus, 'FULFILLED')
  assert.deepEqual(order.voxnumbers.map((v) => v.areaCode), [151, 151])
  const number = order.voxnumbers[0].fullVoxnumber
  assert.equal(typeof number, 'string')
  await client.attachVoxnumberToLink([
    { linkId: '333', method: 'BY VOXNUMBER', fullVoxnumber: number },
    { linkId: '444', method: 'BY AREA', voxnumberIdd: 44, areaCode: 20 },
    { linkId: '555', method: 'BY POSTCODE', voxnumberCountry: 'UNITED KINGDOM', postcode: 'L1 8JQ' },
  ])
  await assert.rejects(client.attachVoxnumberToLink([{ linkId: '333', method: 'BY VOXNUMBER', fullVoxnumber: number }]), {
    name: 'ApiError',
    status: 400,
    messages: ['Link ID 1 of 1 already has a Voxnumber'],
  })
  assert.equal(sandbox.stats.purchases, 1)
})

test('a pending order is fulfilled by a callback', async () => {
  const received = []
  const hook = http.createServer((req, res) => {
    let body = ''
    req.on('data', (c) => (body += c))
    req.on('end', () => {
      received.push({ body, authorization: req.headers.authorization })
      res.end()
    })
  })
  await new Promise((r) => hook.listen(0, '127.0.0.1', r))
  try {
    const order = await client.purchaseVoxNumbers({
      items: [{ countryCode: 44, areaCode: 161, numberType: 'GEOGRAPHIC', quantity: 1 }],
      callbackUrl: `http://hook:s3cret@127.0.0.1:${hook.address().port}/orders`,
    })
    assert.equal(order.orderStatus, 'PENDING')
    assert.equal(sandbox.restock({ count: 1, countryCode: 44, areaCode: 161 }), 1)
    const [record] = await sandbox.waitForCallbacks(1)
    assert.ok(record.delivered && !record.url.includes('s3cret'))
    const update = iovox.parseCallback(received[0].body)
    assert.equal(update.orderReference, order.orderReference)
    assert.equal(update.orderStatus, 'FULFILLED')
    assert.deepEqual(update, record.order)
    assert.equal(received[0].authorization, 'Basic ' + Buffer.from('hook:s3cret').toString('base64'))
  } finally {
    hook.close()
  }
})

for (const [field, value, message] of [
  ['quantity', 2.5, 'Quantity 1 of 1 not an integer'],
  ['quantity', 'two', 'Quantity 1 of 1 not an integer'],
  ['quantity', 2n, null],
  ['quantity', null, 'Quantity 1 of 1 Empty'],
  ['quantity', undefined, 'Quantity 1 of 1 Empty'],
  ['quantity', [2], 'Quantity 1 of 1 not an integer'],
  ['countryCode', { idd: 44 }, 'Country Code 1 of 1 not an integer'],
  ['areaCode', true, 'Area Code 1 of 1 not an integer'],
  ['quantity', 1e300, 'Quantity must be between 1 and 250'],
]) {
  test(`a wrong type gets the server's message: ${field} = ${util.inspect(value)}`, async () => {
    const request = { items: [{ ...LIVERPOOL, [field]: value }] }
    if (message === null) {
      assert.equal((await client.purchaseVoxNumbers(request)).voxnumbers.length, 2)
      return
    }
    await assert.rejects(client.purchaseVoxNumbers(request), (e) => {
      assert.ok(e instanceof iovox.ValidationError)
      assert.deepEqual(e.messages, [message])
      return true
    })
    assert.equal(sandbox.stats.requests, 0, 'nothing is sent')
  })
}

test('a wrong shape is a TypeError naming the position', async () => {
  await assert.rejects(client.purchaseVoxNumbers({ items: [LIVERPOOL, 5] }), {
    name: 'TypeError',
    message: 'item 2 of 2 must be a mapping of field names to values, not a number',
  })
  await assert.rejects(client.attachVoxnumberToLink('333'), { name: 'TypeError' })
})

test('a request with no JSON at all (a function, a Symbol) is a TypeError, not a napi error', async () => {
  // Found by fuzz/node_input.js: JSON.stringify gave undefined and napi's own text leaked.
  for (const request of [() => 1, Symbol('s'), { toJSON: () => undefined }]) {
    assert.throws(() => iovox.purchaseRequestXml(request), {
      name: 'TypeError',
      message: /^the request must be a mapping/,
    })
    await assert.rejects(client.attachVoxnumberToLink(request), {
      name: 'TypeError',
      message: 'links must be a list, not null',
    })
  }
})

test('ValidationError', async () => {
  await assert.rejects(
    client.purchaseVoxNumbers({ items: [{ ...LIVERPOOL, quantity: 'x' }, { ...LIVERPOOL, areaCode: '' }] }),
    (e) => {
      assert.ok(e instanceof iovox.ValidationError)
      assert.equal(e.code, 'IOVOX_VALIDATION')
      assert.equal(e.status, null)
      assert.deepEqual(e.messages, ['Quantity 1 of 2 not an integer', 'Area Code 2 of 2 Empty'])
      assert.deepEqual(e.errors[0], {
        code: 'quantity_not_integer',
        position: { index: 1, total: 2 },
        field: 'quantity',
        message: 'Quantity 1 of 2 not an integer',
      })
      showsNoKey(e)
      return true
    },
  )
})

test('ApiError, and wrong credentials', async () => {
  await assert.rejects(client.attachVoxnumberToLink([{ linkId: 'none', method: 'BY AREA', voxnumberIdd: 44, areaCode: 20 }]), (e) => {
    assert.ok(e instanceof iovox.ApiError)
    assert.equal(e.code, 'IOVOX_API')
    assert.equal(e.status, 400)
    assert.deepEqual(e.messages, ['Link ID 1 of 1 does not exist'])
    showsNoKey(e)
    return true
  })
  const wrong = new iovox.Client({ username: sandbox.username, secureKey: 'not-the-key', baseUrl: sandbox.url })
  await assert.rejects(wrong.purchaseVoxNumbers({ items: [LIVERPOOL] }), (e) => {
    // Refused credentials have a class of their own, and are still ApiErrors.
    assert.ok(e instanceof iovox.AuthenticationError && e instanceof iovox.ApiError, `${e}`)
    assert.equal(e.kind, 'authentication')
    assert.equal(e.code, 'IOVOX_AUTHENTICATION')
    return e.status === 401 && !util.inspect(e).includes('not-the-key')
  })
})

test('TimeoutError', async () => {
  const slow = await Sandbox.start({ secureKey: KEY, responseDelayMs: 1000 })
  try {
    const impatient = new iovox.Client({ username: slow.username, secureKey: KEY, baseUrl: slow.url, timeoutMs: 200, retries: 0 })
    await assert.rejects(impatient.purchaseVoxNumbers({ items: [LIVERPOOL] }), (e) => {
      assert.ok(e instanceof iovox.TimeoutError)
      assert.equal(e.code, 'IOVOX_TIMEOUT')
      showsNoKey(e)
      return true
    })
  } finally {
    await slow.close()
  }
})

test('ConnectionError', async () => {
  const port = await new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const p = s.address().port
      s.close(() => resolve(p))
    })
  })
  const nowhere = new iovox.Client({ username: 'me', secureKey: KEY, baseUrl: `http://127.0.0.1:${port}`, retries: 1 })
  await assert.rejects(nowhere.attachVoxnumberToLink([{ linkId: '1', method: 'BY VOXNUMBER', fullVoxnumber: '1' }]), (e) => {
    assert.ok(e instanceof iovox.ConnectionError)
    assert.equal(e.maybeSent, false)
    assert.equal(e.attempts, 2)
    showsNoKey(e)
    return true
  })
})

test('DecodeError', async () => {
  const server = await canned()
  try {
    server.answer(200, '<response>\n<order_reference>r</order_ref>')
    const c = new iovox.Client({ username: 'me', secureKey: KEY, baseUrl: server.url, retries: 0 })
    await assert.rejects(c.purchaseVoxNumbers({ items: [LIVERPOOL] }), (e) => {
      assert.ok(e instanceof iovox.DecodeError)
      assert.deepEqual([e.line, e.column], [2, 19])
      showsNoKey(e)
      return true
    })
  } finally {
    await server.close()
  }
  assert.throws(() => iovox.parseCallback('<order>'), iovox.DecodeError)
  assert.throws(() => iovox.parseCallback(42), TypeError)
})

test('ConfigError, and the environment', async () => {
  const saved = { ...process.env }
  try {
    delete process.env.IOVOX_USERNAME
    delete process.env.IOVOX_SECURE_KEY
    assert.throws(() => new iovox.Client(), (e) => e instanceof iovox.ConfigError && e.message.includes('IOVOX_SECURE_KEY'))
    assert.throws(() => new iovox.Client({ username: 'me', secureKey: KEY, baseUrl: 'ftp://x' }), iovox.ConfigError)
    assert.throws(() => new iovox.Client({ username: 'me', secureKey: KEY, timeoutMs: -1 }), iovox.ConfigError)
    assert.throws(() => new iovox.Client({ username: 'me', secureKey: KEY, timeout: 1 }), (e) => {
      showsNoKey(e)
      return e instanceof iovox.ConfigError && e.message.includes('unknown field `timeout`')
    })
    Object.assign(process.env, { IOVOX_USERNAME: sandbox.username, IOVOX_SECURE_KEY: KEY, IOVOX_BASE_URL: sandbox.url })
    const fromEnv = new iovox.Client()
    assert.equal(fromEnv.baseUrl, sandbox.url)
    assert.equal((await fromEnv.purchaseVoxNumbers({ items: [LIVERPOOL] })).orderStatus, 'FULFILLED')
    fromEnv.close()
    await assert.rejects(fromEnv.purchaseVoxNumbers({ items: [LIVERPOOL] }), /the client is closed/)
  } finally {
    process.env = saved
  }
})

test('util.inspect of a client and a sandbox never shows the key', () => {
  for (const text of [util.inspect(client, { showHidden: true, depth: 10 }), JSON.stringify(client), util.inspect(sandbox)]) {
    assert.ok(!text.includes(KEY), text)
  }
  assert.equal(util.inspect(client), `Client { username: 'sandbox', baseUrl: '${sandbox.url}' }`)
})

test('a sandbox with a state of its own', async () => {
  const state = {
    regions: [{ country_code: 44, area_code: 20, number_type: 'GEOGRAPHIC', country_name: 'UNITED KINGDOM', city_name: 'London', stock: 1 }],
    links: ['L-1'],
  }
  const own = await Sandbox.start({ state, secureKey: KEY })
  try {
    const c = new iovox.Client({ username: own.username, secureKey: KEY, baseUrl: own.url })
    const order = await c.purchaseVoxNumbers({ items: [{ countryCode: 44, areaCode: 20, numberType: 'GEOGRAPHIC', quantity: 2 }] })
    assert.equal(order.orderStatus, 'PENDING')
    assert.equal(order.voxnumbers.length, 1)
    await c.attachVoxnumberToLink([{ linkId: 'L-1', method: 'BY AREA', voxnumberIdd: 44, areaCode: 20 }])
    await assert.rejects(c.attachVoxnumberToLink([{ linkId: '333', method: 'BY AREA', voxnumberIdd: 44, areaCode: 20 }]), {
      messages: ['Link ID 1 of 1 does not exist'],
    })
  } finally {
    await own.close()
  }
  await assert.rejects(Sandbox.start({ state: { regions: [], colour: 'blue' } }), /invalid sandbox options/)
  // NaN (what Number(process.env.X) gives for a missing variable) is refused, not dropped.
  for (const bad of [NaN, Infinity, -1, 2.5]) {
    await assert.rejects(Sandbox.start({ responseDelayMs: bad }), (e) => e instanceof iovox.ConfigError && /responseDelayMs/.test(e.message))
  }
})

test('removeVoxnumberFromLink gives each number back to the pool, all or none', async () => {
  const sb = await Sandbox.start({ secureKey: KEY })
  try {
    const c = new iovox.Client({ username: sb.username, secureKey: KEY, baseUrl: sb.url })
    const linkOf = (n) => sb.state.voxnumbers.find((v) => v.full_voxnumber === n).link_id
    // 442071234568 is on link 100 in the built-in account.
    await c.removeVoxnumberFromLink(['100'])
    assert.equal(linkOf('442071234568'), null)
    await c.attachVoxnumberToLink([{ linkId: '333', method: 'BY VOXNUMBER', fullVoxnumber: '442071234568' }])
    await assert.rejects(c.removeVoxnumberFromLink(['333', 'nope', 100n]), (e) => {
      assert.ok(e instanceof iovox.ApiError)
      assert.deepEqual(e.messages, ['Link ID 2 of 3 does not exist', 'Link ID 3 of 3 does not have a VoxNumber'])
      return true
    })
    assert.equal(linkOf('442071234568'), '333')
    const before = sb.stats.requests
    await assert.rejects(c.removeVoxnumberFromLink(['333', ' ']), (e) => e instanceof iovox.ValidationError && e.errors[0].message === 'Link ID 2 of 2 Empty')
    await assert.rejects(c.removeVoxnumberFromLink(['333', {}]), { name: 'TypeError', message: 'link ID 2 of 2 must be a string, not a mapping' })
    await assert.rejects(c.removeVoxnumberFromLink(['333'], { signal: AbortSignal.abort() }), iovox.AbortError)
    assert.equal(sb.stats.requests, before)
    await c.removeVoxnumberFromLink(['333'])
    assert.equal(linkOf('442071234568'), null)
  } finally {
    await sb.close()
  }
})
