'use strict'
// Calls never block the event loop nor libuv's thread pool; many overlap.
const assert = require('node:assert/strict')
const dns = require('node:dns/promises')
const fs = require('node:fs/promises')
const { test, before, after } = require('node:test')
const { performance } = require('node:perf_hooks')
const iovox = require('..')
const { Sandbox } = require('iovox-sandbox')
const { KEY } = require('./helpers')

const DELAY = 300
const IN_FLIGHT = 64
const ITEM = { countryCode: 44, areaCode: 20, numberType: 'GEOGRAPHIC', quantity: 1 }
const LINK = { linkId: '999', method: 'BY AREA', voxnumberIdd: 44, areaCode: 20 } // refused: no such link
let sandbox, client

before(async () => {
  sandbox = await Sandbox.start({ secureKey: KEY, responseDelayMs: DELAY })
  client = new iovox.Client({ username: sandbox.username, secureKey: KEY, baseUrl: sandbox.url, retries: 0 })
})
after(() => sandbox.close())

async function oneCall() {
  await assert.rejects(client.attachVoxnumberToLink([LINK]), iovox.ApiError)
}

test(`${IN_FLIGHT} calls in flight overlap, and the event loop runs meanwhile`, async () => {
  // Figures (time of 64 against one, event-loop lag) are in scripts/bench; here the
  // properties, with bounds a loaded 2-core machine keeps: serially the calls take
  // IN_FLIGHT * DELAY = 19.2 s, so a quarter of that proves they overlap.
  let ticks = 0
  const timer = setInterval(() => ticks++, 5)
  let immediateRan = false
  let firstSettled = false
  const began = performance.now()
  const calls = Promise.all(
    Array.from({ length: IN_FLIGHT }, () =>
      oneCall().finally(() => {
        if (!firstSettled) assert.ok(immediateRan, 'a setImmediate queued after the calls ran before any settled')
        firstSettled = true
      }),
    ),
  )
  setImmediate(() => (immediateRan = true))
  await calls
  const all = performance.now() - began
  clearInterval(timer)
  assert.ok(all < (IN_FLIGHT * DELAY) / 4, `${IN_FLIGHT} calls took ${all.toFixed(0)} ms`)
  // A blocked loop ticks not at all while the calls run; a free one about every 5 ms.
  assert.ok(ticks >= 3, `the loop ticked ${ticks} times in ${all.toFixed(0)} ms`)
})

test("calls do not occupy libuv's thread pool", async () => {
  // libuv has 4 threads by default; 64 blocked calls there would starve fs and DNS until
  // the calls end. Here fs and DNS finish first: the order is the property, not a time.
  let callsDone = false
  const calls = Promise.all(Array.from({ length: IN_FLIGHT }, oneCall)).then(() => (callsDone = true))
  await new Promise((r) => setTimeout(r, 20))
  await Promise.all([
    ...Array.from({ length: 8 }, () => fs.readFile(__filename)),
    dns.lookup('localhost'),
  ])
  assert.equal(callsDone, false, 'fs and DNS waited behind the calls')
  await calls
})
