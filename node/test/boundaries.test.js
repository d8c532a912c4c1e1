'use strict'
// Faults users met at the edges: lone surrogates, port 0, callbacks nobody can check.
// Each test failed before its fix.
const test = require('node:test')
const assert = require('node:assert/strict')
const net = require('node:net')
const iovox = require('..')
const { KEY, vectors, camel } = require('./helpers')

const BODY =
  '<order><order_reference>r1</order_reference><order_status>PENDING</order_status><voxnumbers/></order>'

const issues = (errors) =>
  errors.map((e) => ({
    code: e.code,
    position: e.position && [e.position.index, e.position.total],
    field: e.field && e.field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`),
    message: e.message,
  }))

/** A client of a socket that counts connections: a count of 0 proves nothing was sent. */
async function silent(run) {
  let count = 0
  const server = net.createServer((s) => {
    count += 1
    s.destroy()
  })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  const client = new iovox.Client({
    username: 'user',
    secureKey: KEY,
    baseUrl: `http://127.0.0.1:${server.address().port}`,
    retries: 0,
    timeoutMs: 2000,
  })
  try {
    await run(client, () => count)
  } finally {
    client.close()
    await new Promise((resolve) => server.close(resolve))
  }
}

function call(client, c) {
  const { name: _n, method, errors: _e, ...request } = c
  switch (method) {
    case 'purchase':
      return client.purchaseVoxNumbers(camel(request))
    case 'attach':
      return client.attachVoxnumberToLink(camel(request.links))
    case 'detach':
      return client.removeVoxnumberFromLink(request.link_ids)
    case 'getVoxnumbers':
      return client.getVoxnumbers(camel(request.args))
    case 'deleteVoxnumbersFromAccount':
      return client.deleteVoxnumbersFromAccount(camel(request.args))
    default:
      throw new Error(method)
  }
}

/** Refused before sending with exactly these errors, or (none expected) sent. */
async function expectChecked(client, count, run, expected) {
  const before = count()
  if (expected.length === 0) {
    await assert.rejects(run(), iovox.ConnectionError)
    assert.ok(count() > before)
    return
  }
  await assert.rejects(run(), (e) => {
    assert.ok(e instanceof iovox.ValidationError, `${e}`)
    assert.deepEqual(issues(e.errors), expected)
    return true
  })
  assert.equal(count(), before)
}

test('a lone surrogate is refused by its field\'s rule, with its position', async (t) => {
  const cases = vectors('lone_surrogates')
  assert.ok(cases.some((c) => JSON.stringify(c).includes('\\ud800')))
  await silent(async (client, count) => {
    for (const c of cases) {
      await t.test(c.name, () => expectChecked(client, count, () => call(client, c), c.errors))
    }
  })
})

test('the client\'s own purchase checks: a callback URL without credentials needs leave', async (t) => {
  await silent(async (client, count) => {
    for (const c of vectors('client_purchase')) {
      await t.test(c.name, () =>
        expectChecked(client, count, () => client.purchaseVoxNumbers(camel(c.request)), c.errors),
      )
    }
  })
})

test('a lone surrogate in a client option is named', () => {
  for (const [option, name] of [
    ['username', 'username'],
    ['secureKey', 'secureKey'],
    ['baseUrl', 'baseUrl'],
  ]) {
    const options = { username: 'u', secureKey: KEY, baseUrl: 'http://127.0.0.1:9', [option]: 'x\udc80' }
    assert.throws(
      () => new iovox.Client(options),
      (e) =>
        e instanceof iovox.ConfigError &&
        e.message.endsWith(`: ${name} holds U+DC80, a lone surrogate that no header or URL can carry`),
    )
  }
})

test('NaN, Infinity and -0 are refused with the field\'s own message, never read as "not given"', async () => {
  await silent(async (client, count) => {
    for (const [args, message] of [
      [{ page: NaN }, 'Page Number not an integer'],
      [{ page: -0 }, 'Page Number not an integer'],
      [{ limit: Infinity }, 'Limit not an integer'],
      [{ limit: -Infinity }, 'Limit not an integer'],
    ]) {
      await assert.rejects(client.getVoxnumbers(args), (e) => {
        assert.ok(e instanceof iovox.ValidationError, `${e}`)
        assert.deepEqual(e.messages, [message])
        return true
      })
    }
    await assert.rejects(
      client.purchaseVoxNumbers({ items: [{ countryCode: 44, areaCode: NaN, numberType: 'GEOGRAPHIC', quantity: 1 }] }),
      (e) => {
        assert.deepEqual(e.messages, ['Area Code 1 of 1 not an integer'])
        // The field as the caller wrote it.
        assert.equal(e.errors[0].field, 'areaCode')
        return true
      },
    )
    assert.equal(count(), 0)
  })
})

test('a base URL with port 0 is refused', () => {
  assert.throws(
    () => new iovox.Client({ username: 'u', secureKey: KEY, baseUrl: 'http://127.0.0.1:0' }),
    (e) => e instanceof iovox.ConfigError && e.message.includes('port 0'),
  )
})

test('receiveCallback refuses a URL without credentials unless allowed by name', () => {
  assert.throws(
    () => iovox.receiveCallback('https://example.com/iovox', undefined, BODY),
    (e) => e instanceof iovox.CallbackError && e.status === 401 && e.message.includes('could be forged'),
  )
  const order = iovox.receiveCallback('https://example.com/iovox', undefined, BODY, {
    allowUnauthenticatedCallbacks: true,
  })
  assert.equal(order.orderReference, 'r1')
  assert.throws(
    () => iovox.receiveCallback('https://hook:pw@example.com/', undefined, BODY, { allowUnauthenticatedCallbacks: true }),
    (e) => e instanceof iovox.CallbackError && e.status === 401,
  )
  assert.throws(() => iovox.receiveCallback('https://example.com/', undefined, BODY, { allowUnauthenticated: true }), TypeError)
})

test('a text where a list of numbers belongs is refused, and nothing is sent', async () => {
  await silent(async (client, count) => {
    for (const numbers of ['441512100200, 442071234567', '441512100200']) {
      await assert.rejects(client.deleteVoxnumbersFromAccount({ fullVoxnumbers: numbers }), {
        name: 'TypeError',
        message: 'fullVoxnumbers must be a list, not a string',
      })
      await assert.rejects(client.removeVoxnumberFromLink({ linkIds: numbers }), { name: 'TypeError' })
    }
    assert.equal(count(), 0)
  })
})
