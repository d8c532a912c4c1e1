'use strict'
// A number's whole life from Node: the shared list vectors, the sandbox over HTTP, pages
// with `for await`, giving numbers back, the raw call, and receiving callbacks with the
// example's http server.
const assert = require('node:assert/strict')
const { describe, test, before, after } = require('node:test')
const iovox = require('..')
const { Sandbox } = require('iovox-sandbox')
const { KEY, vectors, camel, canned } = require('./helpers')
// The vectors name fields as IOVOX does; Node's errors name them as the caller wrote them.
const snake = (f) => f && f.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)
const { createServer } = require('../examples/callbacks')

// Each list method's date-time fields, from the model: no list of them is kept here.
const DATES = new Map(
  require('../../tests/vectors/model.json')
    .methods.filter((m) => m.fields)
    .map((m) => [m.name, new Set(m.fields.filter((f) => f.kind === 'date-time').map((f) => f.element.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase())))]),
)

/** A vector's result as Node reads it: camelCase, absent fields left out, dates as Dates. */
function expected(result, method) {
  const out = {}
  for (const [k, v] of Object.entries(camel(result))) {
    if (v === null) continue
    out[k] = DATES.get(method).has(k) ? new Date(`${v.replace(' ', 'T')}Z`) : v
  }
  return out
}

describe('list vectors', () => {
  let server
  before(async () => {
    server = await canned()
  })
  after(() => server.close())
  for (const c of vectors('lists')) {
    test(c.name, async () => {
      const client = new iovox.Client({ username: 'me', secureKey: KEY, baseUrl: server.url, retries: 0 })
      // IOVOX's method name is the client's: no list of methods is kept here.
      const call = (args) => client[c.method](args)
      if (c.args) {
        server.answer(c.method === 'deleteVoxnumbersFromAccount' ? 204 : 200, '<response/>')
        const before = server.requests
        if (c.errors) {
          await assert.rejects(call(camel(c.args)), (e) => {
            assert.ok(e instanceof iovox.ValidationError)
            assert.deepEqual(
              e.errors.map((x) => ({ ...x, field: snake(x.field), position: x.position && [x.position.index, x.position.total] })),
              c.errors,
            )
            return true
          })
          assert.equal(server.requests, before, 'nothing was sent')
        } else {
          await call(camel(c.args))
          const url = new URL(server.lastUrl, 'http://x')
          const pairs = [...url.searchParams.entries()]
          assert.deepEqual(pairs.slice(0, 2), [['v', '3'], ['method', c.method]])
          assert.deepEqual(pairs.slice(2), c.query)
          assert.equal(server.lastBody, '')
        }
        return
      }
      server.answer(200, c.answer)
      if (c.page) {
        const page = await call(camel(c.call_args ?? {}))
        assert.deepEqual(
          { currentPage: page.currentPage, totalPages: page.totalPages, totalResults: page.totalResults },
          { currentPage: c.page.current_page, totalPages: c.page.total_pages, totalResults: c.page.total_results },
        )
        assert.deepEqual(page.results, c.page.results.map((r) => expected(r, c.method)))
      } else {
        await assert.rejects(call(camel(c.call_args ?? {})), (e) => {
          assert.ok(e instanceof iovox.DecodeError, String(e))
          assert.deepEqual(e.messages, [c.decode_error])
          return true
        })
      }
    })
  }
})

describe('against the sandbox', () => {
  let sandbox
  let client
  before(async () => {
    sandbox = await Sandbox.start({ secureKey: KEY })
    client = new iovox.Client({ username: sandbox.username, secureKey: KEY, baseUrl: sandbox.url })
  })
  after(() => sandbox.close())

  test('regions, numbers and links', async () => {
    const uk = await client.getVoxnumberRegions({ countryCode: 44, numberType: 'GEOGRAPHIC' })
    assert.deepEqual(
      uk.results.map((r) => r.areaCode),
      [20, 151, 161],
    )
    const free = await client.getVoxnumbers({ assignedStatus: 'UNASSIGNED' })
    assert.equal(free.results.length, 4)
    const [linked] = (await client.getVoxnumbers({ linkId: '100' })).results
    assert.equal(linked.voxnumber, '442071234568')
    assert.ok(linked.purchaseDate instanceof Date)
    assert.equal(linked.purchaseDate.toISOString(), '2026-01-15T10:00:00.000Z')
    const links = await client.getLinks({ linkId: '100' })
    assert.equal(links.results[0].voxnumber, '442071234568')
    await assert.rejects(client.getLinks({ nodeId: 'nowhere' }), (e) => {
      assert.ok(e instanceof iovox.ApiError)
      assert.deepEqual(e.messages, ['Node ID does not exist'])
      return true
    })
    await assert.rejects(client.getVoxnumbers({ asignedStatus: 'X' }), /did you mean 'assignedStatus'/)
  })

  test('pages: none, one, many, and every page with for await', async () => {
    const none = await client.getVoxnumbers({ voxnumber: '449999999999' })
    assert.equal(none.results.length, 0)
    assert.equal(none.hasNext, false)
    const first = await client.getVoxnumbers({ limit: 2, order: 'vn_ASC' })
    assert.deepEqual([first.currentPage, first.totalPages, first.totalResults, first.hasNext], [1, 3, 5, true])
    const numbers = []
    for await (const n of client.iterVoxnumbers({ limit: 2, order: 'vn_DESC' })) numbers.push(n.voxnumber)
    assert.equal(numbers.length, 5)
    assert.deepEqual(numbers, [...numbers].sort().reverse())
    const ids = []
    for await (const l of client.iterLinks({ limit: 4 })) ids.push(l.linkId)
    assert.equal(ids.length, 9)
  })

  test('numbers go back all or none; the raw call', async () => {
    await assert.rejects(
      client.deleteVoxnumbersFromAccount({ fullVoxnumbers: ['441512100200', '442071234568'] }),
      (e) => e instanceof iovox.ApiError && e.messages[0] === 'VoxNumber 2 of 2 is attached to a Link',
    )
    await client.deleteVoxnumbersFromAccount({ fullVoxnumbers: ['441512100200'], rmIfInUse: true })
    assert.equal(sandbox.state.voxnumbers.length, 4)
    const answer = await client.rawRequest({
      interface: 'Voxnumbers',
      method: 'getVoxnumbers',
      verb: 'GET',
      query: { link_id: '100' },
      safeToRepeat: true,
    })
    assert.equal(answer.status, 200)
    assert.ok(answer.body.toString().includes('<voxnumber>442071234568</voxnumber>'))
    const page = iovox.decodePage('getVoxnumbers', answer.body)
    assert.deepEqual(
      page.results.map((n) => n.voxnumber),
      ['442071234568'],
    )
    assert.throws(() => iovox.decodePage('getNodeDetails', answer.body), TypeError)
    assert.throws(() => iovox.decodePage('getLinks', '<order/>'), iovox.DecodeError)
    await assert.rejects(client.rawRequest({ interface: 'Nodes', method: 'getNodeDetails', verb: 'GET' }), iovox.ApiError)
    await assert.rejects(client.rawRequest({ interface: 'Links', method: 'getLinks', verb: 'FETCH' }), iovox.ConfigError)
  })

  test('the callback example hears the sandbox, keeps FULFILLED, refuses forgeries', async () => {
    const { server, orders, callbackUrl } = createServer()
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
    try {
      const url = callbackUrl(server.address().port)
      const order = await client.purchaseVoxNumbers({
        items: [{ countryCode: 44, areaCode: 151, numberType: 'GEOGRAPHIC', quantity: 3 }],
        callbackUrl: url,
      })
      assert.equal(order.orderStatus, 'PENDING')
      sandbox.restock({ count: 5, countryCode: 44, areaCode: 151 })
      const sent = await sandbox.waitForCallbacks(sandbox.callbacks.length + 1)
      assert.ok(sent.every((c) => c.delivered))
      assert.equal(orders.get(order.orderReference).orderStatus, 'FULFILLED')
      const body = `<order><order_reference>${order.orderReference}</order_reference><order_status>PENDING</order_status><voxnumbers/></order>`
      const post = (headers) =>
        fetch(`http://127.0.0.1:${server.address().port}/iovox/callback`, { method: 'POST', body, headers })
      const auth = `Basic ${Buffer.from('iovox:s3cret-hook').toString('base64')}`
      assert.equal((await post({ Authorization: auth })).status, 200)
      assert.equal(orders.get(order.orderReference).orderStatus, 'FULFILLED', 'a late PENDING changes nothing')
      assert.equal((await post({})).status, 401)
    } finally {
      await new Promise((resolve) => server.close(resolve))
    }
  })
})

test('receiveCallback checks credentials, then the body', () => {
  const url = 'https://hook:s3cret@example.com/iovox'
  const body =
    '<order><order_reference>r1</order_reference><order_status>FULFILLED</order_status><voxnumbers/></order>'
  const auth = `Basic ${Buffer.from('hook:s3cret').toString('base64')}`
  assert.equal(iovox.receiveCallback(url, auth, body).orderReference, 'r1')
  for (const bad of [undefined, null, `Basic ${Buffer.from('hook:x').toString('base64')}`]) {
    assert.throws(
      () => iovox.receiveCallback(url, bad, body),
      (e) => e instanceof iovox.CallbackError && e.status === 401,
    )
  }
  assert.throws(
    () => iovox.receiveCallback(url, auth, '<order>'),
    (e) => e instanceof iovox.CallbackError && e.status === 400 && e.code === 'IOVOX_CALLBACK',
  )
})
