'use strict'
// Node figures of scripts/bench: the iovox package next to bench/node_peer.js, over
// loopback against the same iovox sandbox process, with the same request.
//
// Usage: node node_bench.js --sandbox URL --slow-sandbox URL --out FILE [--quick]
// (`--slow-sandbox` answers every request 50 ms late, for the 64-in-flight figure).
// Appends one JSON record per figure to FILE; scripts/bench turns them into the table.
const assert = require('node:assert/strict')
const fs = require('node:fs')
const path = require('node:path')
const { monitorEventLoopDelay } = require('node:perf_hooks')
const iovox = require('../node')
const { Peer, orderFromXml, pageFromXml } = require('./node_peer')

const USER = 'sandbox'
// The sandboxes' key: the test command sets IOVOX_SANDBOX_SECURE_KEY to its test key.
const KEY = (process.env.IOVOX_SANDBOX_SECURE_KEY || '').trim() || 'sandbox-secure-key'
const ITEMS = [{ countryCode: 44, areaCode: 20, numberType: 'GEOGRAPHIC', quantity: 2 }]
const PEER_ITEMS = [{ country_code: 44, area_code: 20, number_type: 'GEOGRAPHIC', quantity: 2 }]
const ORDER = path.join(__dirname, 'target', 'order-10000.xml')
const PAGE = path.join(__dirname, 'target', 'page-20000.xml')

const arg = (name) => {
  const i = process.argv.indexOf(name)
  return i > 0 ? process.argv[i + 1] : undefined
}
const quick = process.argv.includes('--quick')
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}
const spread = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs) })
const record = (figure, unit, sdk, peer, ratio, target, met, note = '') => ({
  lang: 'Node', figure, unit, sdk: spread(sdk), peer: peer ? spread(peer) : null, ratio, target, met, note,
})

async function perCallUs(fn, n) {
  const t = performance.now()
  for (let i = 0; i < n; i++) await fn()
  return ((performance.now() - t) / n) * 1000
}

async function perCallMs(fn, n) {
  return (await perCallUs(fn, n)) / 1000
}

function perCallSyncMs(fn, n) {
  const t = performance.now()
  for (let i = 0; i < n; i++) fn()
  return (performance.now() - t) / n
}

async function checkSameOrder(client, peer) {
  // The peer and the SDK read an answer the same way (the smoke mode's check).
  const raw = await peer.purchaseRaw(PEER_ITEMS)
  const mine = orderFromXml(raw)
  const theirs = iovox.parseCallback(raw.replace('<response>', '<order>').replace('</response>', '</order>'))
  assert.deepEqual({ ...theirs, voxnumbers: theirs.voxnumbers.map((v) => ({ ...v })) }, mine)
  const sdk = await client.purchaseVoxNumbers({ items: ITEMS })
  assert.deepEqual([sdk.orderStatus, sdk.voxnumbers.length], [mine.orderStatus, mine.voxnumbers.length])
  const body = fs.readFileSync(ORDER)
  const a = iovox.parseCallback(body)
  assert.deepEqual({ ...a, voxnumbers: a.voxnumbers.map((v) => ({ ...v })) }, orderFromXml(body.toString()))
}

/** Time for `n` calls all in flight at once, and the event loop's p99 delay meanwhile. */
async function inFlight(call, n) {
  const h = monitorEventLoopDelay({ resolution: 1 })
  h.enable()
  const t = performance.now()
  await Promise.all(Array.from({ length: n }, () => call()))
  const ms = performance.now() - t
  h.disable()
  return { ms, lagP99: h.percentile(99) / 1e6 }
}

async function main() {
  const out = arg('--out')
  const rounds = quick ? 3 : 9
  const client = new iovox.Client({ username: USER, secureKey: KEY, baseUrl: arg('--sandbox') })
  const peer = new Peer(arg('--sandbox'), USER, KEY)
  await checkSameOrder(client, peer)
  const results = []

  let n = quick ? 50 : 1000
  let sdk = []
  let theirs = []
  for (let r = 0; r < rounds; r++) {
    sdk.push(await perCallUs(() => client.purchaseVoxNumbers({ items: ITEMS }), n))
    theirs.push(await perCallUs(() => peer.purchase(PEER_ITEMS), n))
  }
  let ratio = median(theirs) / median(sdk)
  results.push(record('purchase round trip', 'µs/call', sdk, theirs, `${ratio.toFixed(2)}x faster`, 'no slower (≥ 1x)', ratio >= 1))

  const body = fs.readFileSync(ORDER)
  const text = body.toString()
  n = quick ? 3 : 20
  sdk = []
  theirs = []
  for (let r = 0; r < rounds; r++) {
    sdk.push(perCallSyncMs(() => iovox.parseCallback(body).voxnumbers.length, n))
    theirs.push(perCallSyncMs(() => orderFromXml(text).voxnumbers.length, n))
  }
  ratio = median(theirs) / median(sdk)
  results.push(record(`decode a 10,000-number order (${(body.length / 1e6).toFixed(2)} MB) into objects`, 'ms', sdk, theirs,
    `${ratio.toFixed(2)}x faster`, '≥ 2x faster', ratio >= 2))

  const pageBody = fs.readFileSync(PAGE)
  const pageText = pageBody.toString()
  const mine = iovox.decodePage('getVoxnumbers', pageBody)
  const peerPage = pageFromXml(pageText)
  assert.deepEqual(mine.results[1], peerPage.results[1])
  assert.equal(mine.results.length, peerPage.results.length)
  n = quick ? 1 : 5
  sdk = []
  theirs = []
  for (let r = 0; r < rounds; r++) {
    sdk.push(perCallSyncMs(() => iovox.decodePage('getVoxnumbers', pageBody).results.length, n))
    theirs.push(perCallSyncMs(() => pageFromXml(pageText).results.length, n))
  }
  ratio = median(theirs) / median(sdk)
  results.push(record(`decode a 20,000-result getVoxnumbers page (${(pageBody.length / 1e6).toFixed(2)} MB) into objects`, 'ms', sdk, theirs,
    `${ratio.toFixed(2)}x faster`, '≥ 5x faster', ratio >= 5))

  const november = { sdt: '2020-11-01', edt: '2020-11-30', limit: 20000 }
  const callsClient = new iovox.Client({ username: USER, secureKey: KEY, baseUrl: arg('--calls-sandbox'), timeoutMs: 120000 })
  const callsPeer = new Peer(arg('--calls-sandbox'), USER, KEY, 120000)
  const myCalls = await callsClient.getCallData(november)
  const peerCalls = await callsPeer.callData(november)
  assert.equal(myCalls.results.length, 20000)
  assert.equal(peerCalls.results.length, 20000)
  assert.deepEqual(myCalls.results.slice(0, 50).map((c) => c.id), peerCalls.results.slice(0, 50).map((c) => c.id))
  n = quick ? 1 : 3
  sdk = []
  theirs = []
  for (let r = 0; r < (quick ? 1 : rounds); r++) {
    sdk.push(await perCallMs(async () => (await callsClient.getCallData(november)).results.length, n))
    theirs.push(await perCallMs(async () => (await callsPeer.callData(november)).results.length, n))
  }
  ratio = median(theirs) / median(sdk)
  results.push(record('fetch a 20,000-call getCallData page from the sandbox and turn it into objects', 'ms', sdk, theirs,
    `${ratio.toFixed(2)}x faster`, '≥ 5x faster', ratio >= 5, 'both include the sandbox answering and the transfer'))
  callsClient.close()

  // Walks 100,000 results twice (the first walk warms the heap up; its growth is shown),
  // resident memory after each page of the second judged.
  const walked = async (what, pages) => {
    const walk = async () => {
      const marks = []
      let count = 0
      const started = performance.now()
      for await (const _result of pages()) {
        count++
        if (count % 20000 === 0) {
          if (global.gc) global.gc()
          marks.push(process.memoryUsage().rss / 2 ** 20)
        }
      }
      assert.equal(count, 100000)
      return { marks, took: (performance.now() - started) / 1000 }
    }
    const first = quick ? { marks: [0] } : await walk() // a smoke run walks once
    const { marks, took } = await walk()
    const growth = marks[marks.length - 1] - marks[0]
    const firstGrowth = first.marks[first.marks.length - 1] - first.marks[0]
    const signed = (x) => `${x >= 0 ? '+' : ''}${x.toFixed(1)}`
    return record(`iterate 100,000 ${what} over 5 pages of 20,000 (${took.toFixed(1)} s; after the first page: ${marks[0].toFixed(1)} MB; the first walk grew ${signed(firstGrowth)} MB while the heap warmed up)`,
      'MB', marks.slice(1), null, `${signed(growth)} MB after the first page`, 'flat after the first page (< 5 MB)', growth < 5)
  }
  const many = new iovox.Client({ username: USER, secureKey: KEY, baseUrl: arg('--many-calls-sandbox'), timeoutMs: 120000 })
  results.push(await walked('calls (getCallData)', () => many.iterCallData(november)))
  many.close()
  const big = new iovox.Client({ username: USER, secureKey: KEY, baseUrl: arg('--big-sandbox'), timeoutMs: 120000 })
  results.push(await walked('numbers', () => big.iterVoxnumbers({ limit: 20000 })))
  big.close()

  const slow = new iovox.Client({ username: USER, secureKey: KEY, baseUrl: arg('--slow-sandbox') })
  const slowPeer = new Peer(arg('--slow-sandbox'), USER, KEY)
  const single = []
  const all = []
  const peerAll = []
  const lags = []
  const peerLags = []
  for (let r = 0; r < rounds; r++) {
    single.push((await inFlight(() => slow.purchaseVoxNumbers({ items: ITEMS }), 1)).ms)
    const a = await inFlight(() => slow.purchaseVoxNumbers({ items: ITEMS }), 64)
    all.push(a.ms)
    lags.push(a.lagP99)
    const p = await inFlight(() => slowPeer.purchase(PEER_ITEMS), 64)
    peerAll.push(p.ms)
    peerLags.push(p.lagP99)
  }
  ratio = median(all) / median(single)
  results.push(record('64 calls in flight, sandbox answering in 50 ms (total time)', 'ms', all, peerAll,
    `${ratio.toFixed(2)}x one call`, 'within 2x one call', ratio <= 2,
    `one call: ${median(single).toFixed(1)} ms`))
  results.push(record('event-loop lag p99 while the 64 run', 'ms', lags, peerLags,
    `${median(lags).toFixed(2)} ms`, '< 5 ms', median(lags) < 5))

  const calls = quick ? 2000 : 100000
  const warm = calls / 10
  const marks = []
  const inParallel = 16
  let done = 0
  const worker = async () => {
    while (done < calls) {
      done++
      await client.purchaseVoxNumbers({ items: ITEMS })
      if (done === warm || done % (calls / 5) === 0) {
        if (global.gc) global.gc()
        marks.push(process.memoryUsage().rss / 2 ** 20)
      }
    }
  }
  await Promise.all(Array.from({ length: inParallel }, worker))
  const growth = marks[marks.length - 1] - marks[0]
  results.push(record(`resident memory after ${calls.toLocaleString('en')} calls, 16 in flight (after ${warm.toLocaleString('en')}: ${marks[0].toFixed(1)} MB)`,
    'MB', marks.slice(1), null, `${growth >= 0 ? '+' : ''}${growth.toFixed(1)} MB after warm-up`, 'flat after warm-up (< 5 MB)', growth < 5))

  client.close()
  slow.close()
  fs.appendFileSync(out, results.map((r) => JSON.stringify(r)).join('\n') + '\n')
  console.log(`node: ${results.length} figures, peers give the same orders as the SDK`)
}

main().catch((e) => {
  console.error(e)
  process.exitCode = 1
})
