'use strict'
// The fault campaign through the Node package: calls against the in-process Sandbox with a
// fault drawn from a seeded generator before each, plus malformed callbacks fed to
// parseCallback. Checks that every call ends in its result or a typed error within its
// deadline, that no purchase reached the sandbox twice, that the sandbox's books balance
// with every number seen once, and that no file descriptor is left open.
//
// Usage: node campaign.js [--seed N] [--calls N]. Prints its figures; exit code 1 on any
// violation. Run by scripts/campaign (part of scripts/test).
const fs = require('node:fs')
const iovox = require('..')

const KEY = 'SECRET-KEY-c0ffee-5ca1ab1e'
const TIMEOUT_MS = 200
const RETRIES = 2
const DEADLINE_MS = (RETRIES + 1) * (TIMEOUT_MS + 20) + 500
const REGIONS = [[44, 20, 'GEOGRAPHIC'], [44, 151, 'GEOGRAPHIC'], [44, 161, 'GEOGRAPHIC'], [44, 845, 'NATIONAL'],
  [44, 800, 'TOLLFREE'], [1, 212, 'GEOGRAPHIC'], [1, 646, 'GEOGRAPHIC'], [1, 914, 'GEOGRAPHIC'], [1, 415, 'GEOGRAPHIC']]
const LINKS = ['100', '101', '102', '103', '104', '105', '333', '444', '555']
// fault: [weight, what a purchase may end in, what an attach may end in]
const FAULTS = {
  none: [40, ['ok'], ['ok', 'api 400']],
  500: [12, ['api 500'], ['ok', 'api 400']],
  'slow:500': [8, ['timeout'], ['timeout']],
  drop: [14, ['connection (maybe sent)'], ['connection (maybe sent)']],
  'not-xml': [14, ['api 502'], ['ok', 'api 400']],
  'oversized:9000000': [4, ['decode'], ['decode']], // past the client's 8 MiB body cap
}
const CALLBACK = '<order><order_reference>r1</order_reference><order_status>FULFILLED</order_status>' +
  '<voxnumbers><voxnumber><country_code>44</country_code><area_code>151</area_code>' +
  '<full_voxnumber>441512100200</full_voxnumber></voxnumber></voxnumbers></order>'

function rng(a) { // mulberry32
  return () => {
    a |= 0
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
const fds = () => fs.readdirSync('/proc/self/fd').length
const arg = (name, dflt) => {
  const i = process.argv.indexOf(name)
  return i > 0 ? Number(process.argv[i + 1]) : dflt
}

function outcomeOf(e) {
  if (e instanceof iovox.ApiError) return `api ${e.status}`
  if (e instanceof iovox.TimeoutError) return 'timeout'
  if (e instanceof iovox.ConnectionError) return e.maybeSent ? 'connection (maybe sent)' : 'connection'
  if (e instanceof iovox.DecodeError) return 'decode'
  if (e instanceof iovox.IovoxError) return e.constructor.name
  return `untyped ${e && e.constructor && e.constructor.name}: ${e && e.message}`
}

async function main() {
  const seed = arg('--seed', 1)
  const calls = arg('--calls', 300)
  const r = rng(seed)
  const int = (lo, hi) => lo + Math.floor(r() * (hi - lo + 1))
  const pick = (xs) => xs[Math.floor(r() * xs.length)]
  const fdsBefore = fds()
  const faults = {}
  const outcomes = {}
  const violations = []
  const seen = new Set()
  let worst = 0
  const started = Date.now()
  const sb = await iovox.Sandbox.start({ secureKey: KEY })
  const client = new iovox.Client({
    username: sb.username, secureKey: KEY, baseUrl: sb.url,
    timeoutMs: TIMEOUT_MS, connectTimeoutMs: TIMEOUT_MS, retries: RETRIES,
  })
  const startStock = sb.stats.stock
  const names = Object.keys(FAULTS)
  const total = names.reduce((s, k) => s + FAULTS[k][0], 0)
  for (let call = 0; call < calls; call++) {
    if (call % 20 === 19) {
      const [countryCode, areaCode] = pick(REGIONS)
      sb.restock({ count: int(1, 6), countryCode, areaCode })
    }
    let x = r() * total
    const fault = names.find((k) => (x -= FAULTS[k][0]) < 0) || 'none'
    const purchase = r() < 0.7
    let run
    if (purchase) {
      const items = Array.from({ length: int(1, 2) }, () => {
        const [countryCode, areaCode, numberType] = pick(REGIONS)
        return { countryCode, areaCode, numberType, quantity: int(1, 3) }
      })
      const request = { items, callbackUrl: `http://127.0.0.1:9/callback?call=${call}`, dynamicQuantity: r() < 0.5 }
      run = () => client.purchaseVoxNumbers(request)
    } else {
      const link = seen.size && r() < 0.5
        ? { linkId: pick(LINKS), method: 'BY VOXNUMBER', fullVoxnumber: pick([...seen].sort()) }
        : { linkId: pick(LINKS), method: 'BY AREA', voxnumberIdd: 44, areaCode: 20 }
      run = () => client.attachVoxnumberToLink([link])
    }
    if (fault !== 'none') sb.inject(fault)
    const t0 = performance.now()
    let outcome, order
    try {
      order = await run()
      outcome = 'ok'
    } catch (e) {
      outcome = outcomeOf(e)
    }
    const elapsed = performance.now() - t0
    worst = Math.max(worst, elapsed / DEADLINE_MS)
    faults[fault] = (faults[fault] || 0) + 1
    outcomes[outcome] = (outcomes[outcome] || 0) + 1
    if (elapsed > DEADLINE_MS) violations.push(`call ${call}: ${outcome} after ${elapsed.toFixed(0)} ms`)
    if (!FAULTS[fault][purchase ? 1 : 2].includes(outcome)) {
      violations.push(`call ${call}: fault ${fault} on a ${purchase ? 'purchase' : 'attach'} ended in ${outcome}`)
    }
    for (const n of (order && order.voxnumbers) || []) {
      if (seen.has(n.fullVoxnumber)) violations.push(`number ${n.fullVoxnumber} handed out twice`)
      seen.add(n.fullVoxnumber)
    }
  }
  const stats = sb.stats
  if (stats.repeatedPurchases) violations.push(`${stats.repeatedPurchases} purchases reached the sandbox twice`)
  if (stats.stock + stats.sold !== startStock + stats.restocked) violations.push(`books: ${JSON.stringify(stats)}`)
  if (seen.size > stats.sold) violations.push(`${seen.size} numbers seen, ${stats.sold} sold`)
  client.close()
  await sb.close()

  let bad = 0
  let rejected = 0
  let other = 0
  for (let i = 0; i < 40; i++) {
    const cut = int(0, CALLBACK.length - 1)
    const flipped = Buffer.from(CALLBACK)
    flipped[int(0, flipped.length - 1)] ^= 1 << int(0, 7)
    for (const body of [CALLBACK.slice(0, cut), flipped, CALLBACK.replace('</order>', ''),
      CALLBACK.replace('FULFILLED', 'SHIPPED'), CALLBACK.replace('441512100200', '44151210020x'),
      '<order>'.repeat(20000), Buffer.from([0xff, 0xfe, 0]), '', CALLBACK + '<x/>']) {
      bad++
      try {
        iovox.parseCallback(body)
      } catch (e) {
        if (e instanceof iovox.DecodeError) rejected++
        else {
          other++
          violations.push(`a malformed callback threw ${outcomeOf(e)}`)
        }
      }
    }
  }
  const wall = (Date.now() - started) / 1000
  let fdsAfter = fds()
  for (let i = 0; i < 50 && fdsAfter > fdsBefore; i++) {
    await new Promise((resolve) => setTimeout(resolve, 20))
    fdsAfter = fds()
  }
  if (fdsAfter > fdsBefore) violations.push(`fds ${fdsBefore} -> ${fdsAfter}`)

  const list = (o) => Object.entries(o).sort().map(([k, v]) => `${k} ${v}`).join(', ')
  console.log(`fault campaign (Node package), seed ${seed}: ${calls} calls in ${wall.toFixed(1)} s`)
  console.log(`  faults injected: ${list(faults)}`)
  console.log(`  outcomes: ${list(outcomes)}`)
  console.log(`  slowest call: ${(worst * 100).toFixed(0)}% of its deadline (${DEADLINE_MS} ms)`)
  console.log(`  purchases that reached the sandbox twice: ${stats.repeatedPurchases}`)
  console.log(`  numbers: start ${startStock} + restocked ${stats.restocked} = stock ${stats.stock} + sold ${stats.sold}; ${seen.size} reached the client`)
  console.log(`  malformed callbacks: ${bad} tried, ${rejected} DecodeError, ${bad - rejected - other} parsed, ${other} other`)
  console.log(`  file descriptors: ${fdsBefore} before, ${fdsAfter} after`)
  console.log(`  violations: ${violations.length || 'none'}`)
  for (const v of violations.slice(0, 20)) console.log(`    ${v}`)
  process.exitCode = violations.length ? 1 : 0
}

main().catch((e) => {
  console.error(e)
  process.exitCode = 1
})
