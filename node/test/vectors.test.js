'use strict'
// Every shared vector of tests/vectors/, through the npm package.
const assert = require('node:assert/strict')
const { describe, test, before, after } = require('node:test')
const iovox = require('..')
const { Sandbox } = require('iovox-sandbox')
const { KEY, vectors, camel, canned } = require('./helpers')
// The vectors name fields as IOVOX does; Node's errors name them as the caller wrote them.
const snake = (f) => f && f.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)

const noBlanks = (xml) => xml.trim().replace(/>\s+</g, '><')
const issues = (errors) =>
  errors.map((e) => ({
    code: e.code,
    position: e.position && [e.position.index, e.position.total],
    field: snake(e.field),
    message: e.message,
  }))

describe('purchase encoding', () => {
  for (const c of vectors('purchase_requests')) {
    test(c.name, () => assert.equal(iovox.purchaseRequestXml(camel(c.request)), c.xml))
  }
})

describe('attach encoding', () => {
  for (const c of vectors('attach_requests')) {
    test(c.name, () => assert.equal(iovox.attachRequestXml(camel(c.links)), c.xml))
  }
})

describe('spec page examples', () => {
  for (const c of vectors('spec_examples')) {
    test(c.name, () => {
      const ours =
        c.kind === 'purchase' ? iovox.purchaseRequestXml(camel(c.request)) : iovox.attachRequestXml(camel(c.links))
      assert.equal(noBlanks(ours), noBlanks(c.page_xml))
    })
  }
})

function expectErrors(make, expected) {
  if (expected.length === 0) return make()
  assert.throws(make, (e) => {
    assert.ok(e instanceof iovox.ValidationError)
    assert.deepEqual(issues(e.errors), expected)
    assert.deepEqual(e.messages, expected.map((x) => x.message))
    return true
  })
}

describe('invalid purchases', () => {
  for (const c of vectors('invalid_purchase')) {
    test(c.name, () => expectErrors(() => iovox.purchaseRequestXml({ items: [], ...camel(c.request) }), c.errors))
  }
})

describe('invalid attaches', () => {
  for (const c of vectors('invalid_attach')) {
    test(c.name, () => expectErrors(() => iovox.attachRequestXml(camel(c.links)), c.errors))
  }
})

describe('answers and callbacks', () => {
  let server
  before(async () => (server = await canned()))
  after(() => server.close())

  for (const c of vectors('orders')) {
    test(`order: ${c.name}`, async () => {
      let decode
      if (c.root === 'order') {
        decode = async () => iovox.parseCallback(c.xml)
      } else {
        server.answer(200, c.xml)
        const client = new iovox.Client({ username: 'me', secureKey: KEY, baseUrl: server.url, retries: 0 })
        decode = () =>
          client.purchaseVoxNumbers({ items: [{ countryCode: 44, areaCode: 151, numberType: 'GEOGRAPHIC', quantity: 1 }] })
      }
      if (c.order) {
        assert.deepEqual(await decode(), camel(c.order))
      } else {
        await assert.rejects(decode, (e) => {
          assert.ok(e instanceof iovox.DecodeError, String(e))
          assert.deepEqual(e.messages, [c.error])
          return true
        })
      }
    })
  }

  for (const c of vectors('error_bodies')) {
    test(`error body: ${c.name}`, async () => {
      server.answer(c.status, c.body)
      const client = new iovox.Client({ username: 'me', secureKey: KEY, baseUrl: server.url, retries: 0 })
      await assert.rejects(
        client.attachVoxnumberToLink([{ linkId: '1', method: 'BY VOXNUMBER', fullVoxnumber: '442035551234' }]),
        (e) => {
          assert.ok(e instanceof iovox.ApiError)
          assert.equal(e.status, c.status)
          if (c.messages) assert.deepEqual(e.messages, c.messages)
          // Not IOVOX's error XML: one message, the status and the start of the body (its
          // whitespace folded, at most 200 characters).
          else assert.deepEqual(e.messages, [excerpt(c.status, c.body)])
          return true
        },
      )
    })
  }
})

describe('removeVoxnumberFromLink', () => {
  let server
  before(async () => (server = await canned()))
  after(() => server.close())
  for (const c of vectors('detach')) {
    test(c.name, async () => {
      server.answer(204, '')
      const client = new iovox.Client({ username: 'me', secureKey: KEY, baseUrl: server.url, retries: 0 })
      if (c.xml !== null) {
        await client.removeVoxnumberFromLink(c.link_ids)
        assert.equal(server.lastBody, c.xml)
      } else {
        const requests = server.requests
        await assert.rejects(client.removeVoxnumberFromLink(c.link_ids), (e) => {
          assert.ok(e instanceof iovox.ValidationError)
          assert.deepEqual(e.errors.map((i) => ({ ...i, field: snake(i.field), position: i.position && [i.position.index, i.position.total] })), c.errors)
          return true
        })
        assert.equal(server.requests, requests)
      }
    })
  }
})

function excerpt(status, body) {
  const text = body.split(/\s+/).filter(Boolean).join(' ')
  if (!text) return `HTTP ${status} with an empty body`
  const chars = [...text]
  return `HTTP ${status}: ${chars.slice(0, 200).join('')}${chars.length > 200 ? '…' : ''}`
}

describe('what the sandbox answers for raw bodies', () => {
  let sandbox
  before(async () => (sandbox = await Sandbox.start({ secureKey: KEY })))
  after(() => sandbox.close())

  for (const c of vectors('server_requests')) {
    test(c.name, async () => {
      const [method, path] =
        c.method === 'purchase'
          ? ['POST', '/Purchase?v=3&method=purchaseVoxNumbers']
          : ['PUT', '/Links?v=3&method=attachVoxnumberToLink']
      const answer = await fetch(sandbox.url + path, {
        method,
        body: c.body,
        headers: { username: sandbox.username, secureKey: KEY, 'Content-Type': 'text/xml' },
      })
      const body = await answer.text()
      if (c.messages.length) {
        assert.ok(answer.status >= 400)
        const found = [...body.matchAll(/<error[^>]*>([^<]*)<\/error>/g)].map((m) =>
          m[1].replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&'),
        )
        assert.deepEqual(found, c.messages)
      } else {
        assert.ok(answer.status < 300)
      }
    })
  }
})

describe('callbacks fold into the known order either way (mergeOrder)', () => {
  for (const c of vectors('order_merge')) {
    test(c.name, () => {
      const original = camel(c.known)
      const frozen = JSON.stringify(original)
      let known = original
      let error = null
      try {
        for (const update of c.updates) known = iovox.mergeOrder(known, camel(update))
      } catch (e) {
        error = e
      }
      if (c.error !== undefined) {
        assert.ok(error instanceof RangeError, String(error))
        assert.equal(error.message, c.error)
      } else {
        assert.equal(error, null)
        assert.deepEqual(known, camel(c.order))
      }
      assert.equal(JSON.stringify(original), frozen, 'mergeOrder makes a new order')
    })
  }
  test('what is not an order is a TypeError', () => {
    assert.throws(() => iovox.mergeOrder(null, camel(c0())), /known must be an order/)
    assert.throws(() => iovox.mergeOrder(camel(c0()), 'x'), /update must be an order/)
  })
  test('a value of the wrong kind inside an order is a TypeError naming where it is', () => {
    const bad = (edit) => {
      const o = camel(c0())
      edit(o)
      return o
    }
    const cases = [
      [bad((o) => { o.voxnumbers[0].countryCode = '44' }), /^known\.voxnumbers\[0\]\.countryCode must be an integer from 0 to 4294967295, not string$/],
      [bad((o) => { o.voxnumbers[0].areaCode = -1 }), /^known\.voxnumbers\[0\]\.areaCode must be an integer from 0 to 4294967295, not -1$/],
      [bad((o) => { o.voxnumbers[0].fullVoxnumber = 441512100200 }), /^known\.voxnumbers\[0\]\.fullVoxnumber must be a string, not number$/],
      [bad((o) => { o.orderStatus = true }), /^known\.orderStatus must be a string, not boolean$/],
      [bad((o) => { o.voxnumbers[0] = null }), /^known\.voxnumbers\[0\] must be a VoxNumber/],
    ]
    for (const [known, message] of cases) {
      assert.throws(() => iovox.mergeOrder(known, camel(c0())), (e) => e instanceof TypeError && message.test(e.message))
    }
  })
})

function c0() {
  return vectors('order_merge')[0].known
}

describe('the typed methods that are not lists, by name (prepareRequest): what is sent, or every error', () => {
  // A mapping of the caller's own names (initiateCall's call variables) is not re-cased.
  const own = new Map(
    require('../../tests/vectors/model.json')
      .methods.filter((m) => m.action)
      .map((m) => [m.name, m.action.params.filter((p) => p.kind === 'variables').map((p) => p.name)]),
  )
  for (const c of vectors('actions')) {
    test(c.name, () => {
      const args = camel(c.args)
      for (const name of own.get(c.method) ?? []) {
        if (c.args && c.args[name] !== undefined) args[camelName(name)] = c.args[name]
      }
      if (c.type_error !== undefined) {
        assert.throws(() => iovox.prepareRequest(c.method, args), (e) => e instanceof TypeError && e.message.includes(c.type_error))
      } else if (c.errors !== undefined) {
        assert.throws(
          () => iovox.prepareRequest(c.method, args),
          (e) => {
            assert.ok(e instanceof iovox.ValidationError, String(e))
            assert.deepEqual(
              e.errors.map((x) => ({ code: x.code, position: x.position && [x.position.index, x.position.total], field: x.field, message: x.message })),
              c.errors.map((x) => ({ ...x, field: x.field && camelName(x.field) })),
            )
            return true
          },
        )
      } else {
        assert.deepEqual(iovox.prepareRequest(c.method, args), { query: c.query, body: c.body })
      }
    })
  }
})

function camelName(name) {
  return name.replace(/_([a-z0-9])/g, (_, ch) => ch.toUpperCase())
}

describe('what the typed methods that are not lists answer (decodeAnswer): bytes, a mapping, nothing, or a DecodeError', () => {
  for (const c of vectors('answers')) {
    test(c.name, () => {
      const body = c.body_base64 !== undefined ? Buffer.from(c.body_base64, 'base64') : c.body
      if (c.decode_error !== undefined) {
        assert.throws(() => iovox.decodeAnswer(c.method, body), (e) => e instanceof iovox.DecodeError && e.message.includes(c.decode_error))
        return
      }
      const got = iovox.decodeAnswer(c.method, body)
      if (c.bytes_base64 !== undefined) {
        assert.ok(Buffer.isBuffer(got))
        assert.deepEqual(got, Buffer.from(c.bytes_base64, 'base64'))
      } else if (c.data !== undefined) {
        assert.deepEqual(got, c.data)
      } else {
        assert.equal(c.nothing, true)
        assert.equal(got, undefined)
      }
    })
  }
  test('a list method is not read here', () => {
    assert.throws(() => iovox.decodeAnswer('getVoxnumbers', ''), (e) => e instanceof TypeError && /decodePage reads the lists/.test(e.message))
  })
})
