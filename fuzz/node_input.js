// Fuzz target: the Node package's input conversion (any JS value where a request goes)
// through the core's checks into XML. Run by scripts/fuzz: `node fuzz/node_input.js SECONDS SEED`.
//
// Node has no coverage-guided fuzzer on this machine's registries that reaches an addon,
// so this one is generative: each input is a request from tests/vectors/ with some values,
// keys or entries replaced by random JS values (BigInt, NaN, -0, symbols, functions,
// cycles, getters that throw, toJSON, huge strings). A purchase or an attach must give XML,
// a ValidationError or a TypeError; a list method of the model (tests/vectors/model.json,
// its example with values replaced) on a closed client converts and checks its arguments
// before it says it is closed (a ValidationError, a TypeError or that ConfigError); two
// orders merged give an order, a TypeError or a RangeError. Anything else is a finding,
// printed with its seed.
'use strict'
const fs = require('node:fs')
const path = require('node:path')
const util = require('node:util')
const iovox = require('../node')

const seconds = Number(process.argv[2] || 10)
const seed = Number(process.argv[3] || 1)
const vectors = path.join(__dirname, '..', 'tests', 'vectors')
const load = (name, key) =>
  JSON.parse(fs.readFileSync(path.join(vectors, name), 'utf8')).cases.filter((c) => key in c).map((c) => c[key])
const camel = (k) => k.replace(/_([a-z])/g, (_, c) => c.toUpperCase())
const purchases = load('purchase_requests.json', 'request').concat(load('invalid_purchase.json', 'request'))
const attaches = load('attach_requests.json', 'links').concat(load('invalid_attach.json', 'links'))
const keys = [...new Set([...purchases.flatMap((r) => (r.items || []).flatMap(Object.keys)), ...attaches.flatMap((l) => l.flatMap(Object.keys))])]
const allKeys = keys.concat(keys.map(camel), ['__proto__', 'constructor', 'toJSON', ''])
const lists = JSON.parse(fs.readFileSync(path.join(vectors, 'model.json'), 'utf8')).methods.filter((m) => m.typed && m.list)
const argumentKeys = [...new Set(lists.flatMap((m) => m.arguments.map((a) => a.name)))].flatMap((k) => [k, camel(k)]).concat(['pages', ''])
const orders = load('order_merge.json', 'known')
const camelKeys = (o) => Object.fromEntries(Object.entries(o).map(([k, v]) => [camel(k), v]))
const closed = new iovox.Client({ username: 'fuzz', secureKey: 'fuzz-key', baseUrl: 'http://127.0.0.1:9' })
closed.close()

const own = (o, k, v) => {
  try {
    Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true })
  } catch {} // a frozen or non-extensible object keeps what it has
}

// mulberry32: small, seeded, the same sequence every run.
function rng(a) {
  return () => {
    a |= 0
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function fuzz(seed) {
  const r = rng(seed)
  const int = (n) => Math.floor(r() * n)
  const pick = (xs) => xs[int(xs.length)]
  const str = () => Array.from({ length: int(20) }, () => String.fromCodePoint(pick([int(128), int(0x800), int(0x10ffff) & ~0x800, 0xd800 + int(0x800)]))).join('')
  function value(depth = 0) {
    switch (int(depth < 3 ? 20 : 13)) {
      case 0: return int(2 ** 31) - 2 ** 30
      case 1: return r() * 1e6 - 5e5
      case 2: return pick([NaN, Infinity, -Infinity, -0, Number.MAX_SAFE_INTEGER + 2, 5e-324, 1e308])
      case 3: return BigInt.asIntN(200, BigInt(int(2 ** 31)) ** BigInt(1 + int(6)))
      case 4: return str()
      case 5: return pick(['GEOGRAPHIC', 'NATIONAL', 'BY AREA', 'BY VOXNUMBER', 'BY POSTCODE', 'TRUE', 'FALSE', '', ' ', '44', '0', '2.5'])
      case 6: return r() < 0.5
      case 7: return null
      case 8: return undefined
      case 9: return pick([Symbol('s'), () => 1, new Date(int(2 ** 40)), /x/, new Map(), Buffer.from('ab')])
      case 10: return 'x'.repeat(int(3) === 0 ? 70000 : int(300))
      case 11: return String(int(1e9)) + '.' + String(int(1e9))
      case 12: return pick(keys)
      case 13: return Array.from({ length: int(4) }, () => value(depth + 1))
      case 14: {
        const o = {}
        // Own properties, as JSON.parse makes them: '__proto__' is a key, not the prototype.
        for (let i = int(4); i > 0; i--) own(o, pick(allKeys), value(depth + 1))
        return o
      }
      case 15: { const o = { a: 1 }; o.self = o; return o }
      case 16: return { get countryCode() { throw new RangeError('getter') } }
      case 17: { const v = value(depth + 1); return { toJSON: () => v } }
      case 18: return Object.create(null)
      default: return new Proxy({}, { ownKeys: () => { throw new Error('trap') } })
    }
  }
  function mutate(entries) {
    if (!Array.isArray(entries)) return entries
    const out = entries.map((e) => {
      if (!e || typeof e !== 'object') return e
      const o = {}
      for (const [k, v] of Object.entries(e)) o[r() < 0.5 ? camel(k) : k] = v
      return o
    })
    for (let n = int(5); n > 0; n--) {
      if (out.length === 0 || int(10) === 0) { out.push(value()); continue }
      const i = int(out.length)
      if (!out[i] || typeof out[i] !== 'object' || int(6) === 0) { out[i] = value(); continue }
      const k = pick(allKeys)
      // Reflect: an entry made by value() may be frozen or have getters only.
      if (int(5) === 0) Reflect.deleteProperty(out[i], k)
      else own(out[i], k, value())
    }
    return out
  }
  const choice = int(6)
  if (choice === 4) {
    const m = pick(lists)
    const args = { ...m.example }
    for (let n = int(5); n > 0; n--) {
      const k = pick(argumentKeys)
      if (int(5) === 0) delete args[k]
      else own(args, k, value())
    }
    const name = (r() < 0.5 ? 'get' : 'iter') + m.name.slice(3)
    return ['list', () => closed[name](int(10) ? args : value())]
  }
  if (choice === 5) {
    const order = () => {
      if (int(4) === 0) return value()
      const o = camelKeys(pick(orders))
      const voxnumbers = o.voxnumbers.map(camelKeys)
      if (r() < 0.5) voxnumbers.push({ countryCode: value(), areaCode: value(), fullVoxnumber: value() })
      return { ...o, orderStatus: int(5) ? o.orderStatus : value(), voxnumbers }
    }
    return ['merge', () => iovox.mergeOrder(order(), order())]
  }
  if (choice < 2) {
    const base = pick(purchases)
    const req = int(10) ? { ...base, items: mutate(base.items) } : value()
    if (req && typeof req === 'object' && int(3) === 0) req[pick(['callbackUrl', 'ccList', 'dynamicQuantity', 'callback_url'])] = value()
    return ['purchase', () => iovox.purchaseRequestXml(req)]
  }
  const links = int(10) ? mutate(pick(attaches)) : value()
  return ['attach', () => iovox.attachRequestXml(links)]
}

// A thrown error of the caller's own making (a getter, a trap, a toJSON) is passed through.
const callers = (e) => e instanceof RangeError || (e instanceof Error && e.message === 'trap')
// What each kind of call may end in, beside those errors.
const fine = {
  purchase: (v) => typeof v === 'string' && v.startsWith('<?xml'),
  attach: (v) => typeof v === 'string' && v.startsWith('<?xml'),
  merge: (v) => v && typeof v.orderReference === 'string' && Array.isArray(v.voxnumbers),
  list: () => false, // a closed client never answers
}
const allowed = (method, e) =>
  e instanceof iovox.ValidationError ||
  e instanceof TypeError ||
  callers(e) ||
  (method === 'merge' && e instanceof RangeError) ||
  (method === 'list' && e instanceof iovox.ConfigError && /closed/.test(e.message))

async function main() {
  let execs = 0
  const outcomes = { ok: 0, validation: 0, type: 0, closed: 0, other: 0 }
  const findings = []
  const deadline = Date.now() + seconds * 1000
  for (let s = seed; Date.now() < deadline; s++) {
    const [method, call] = fuzz(s)
    execs++
    try {
      let out = call()
      // A page iterator fetches on its first step; a get* answers a promise.
      if (out && typeof out[Symbol.asyncIterator] === 'function') out = await out[Symbol.asyncIterator]().next()
      else if (out instanceof Promise) out = await out
      if (!fine[method](out)) throw new Error(`unexpected answer: ${util.inspect(out).slice(0, 200)}`)
      outcomes.ok++
    } catch (e) {
      if (!allowed(method, e)) findings.push({ seed: s, method, error: `${e && e.constructor && e.constructor.name}: ${e && e.message}` })
      else if (e instanceof iovox.ValidationError) outcomes.validation++
      else if (e instanceof TypeError) outcomes.type++
      else if (e instanceof iovox.ConfigError) outcomes.closed++
      else outcomes.other++
    }
  }
  console.log(JSON.stringify({ target: 'node_input', execs, findings: findings.length, outcomes }))
  for (const f of findings.slice(0, 10)) console.log(`finding: seed ${f.seed} (${f.method}): ${f.error}`)
  process.exitCode = findings.length ? 1 : 0
}
main()
