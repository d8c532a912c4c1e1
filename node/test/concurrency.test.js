'use strict'
// Calls never block the event loop nor libuv's thread pool; many overlap.
const assert = require('node:assert/strict')
const dns = require('node:dns/promises')
const fs = require('node:fs/promises')
const { test, before, after } = require('node:test')
const { performance } = require('node:perf_hooks')
const iovox = require('..')
const { KEY } = require('./helpers')

const DELAY = 200
const IN_FLIGHT = 64
const ITEM = { countryCode: 44, areaCode: 20, numberType: 'GEOGRAPHIC', quantity: 1 }
const LINK = { linkId: '999', method: 'BY AREA', voxnumberIdd: 44, areaCode: 20 } // refused: no such link
let sandbox, client

before(async () => {
  sandbox = await iovox.Sandbox.start({ secureKey: KEY, responseDelayMs: DELAY })
  client = new iovox.Client({ username: sandbox.username, secureKey: KEY, baseUrl: sandbox.url, retries: 0 })
})
after(() => sandbox.close())

async function oneCall() {
  await assert.rejects(client.attachVoxnumberToLink([LINK]), iovox.ApiError)
}

test(`${IN_FLIGHT} calls in flight take about the time of one`, async () => {
  let began = performance.now()
  await oneCall()
  const single = performance.now() - began

  // The event loop's lag, sampled every 5 ms while the calls are in flight.
  let worst = 0
  let last = performance.now()
  const timer = setInterval(() => {
    const now = performance.now()
    worst = Math.max(worst, now - last - 5)
    last = now
  }, 5)
  began = performance.now()
  await Promise.all(Array.from({ length: IN_FLIGHT }, oneCall))
  const all = performance.now() - began
  clearInterval(timer)

  assert.ok(all < 2 * single + 100, `${IN_FLIGHT} calls took ${all.toFixed(0)} ms, one ${single.toFixed(0)} ms`)
  assert.ok(worst < 50, `event loop lagged ${worst.toFixed(1)} ms`)
})

test("calls do not occupy libuv's thread pool", async () => {
  // libuv has 4 threads by default; 64 blocked calls there would starve fs and DNS.
  const calls = Promise.all(Array.from({ length: IN_FLIGHT }, oneCall))
  await new Promise((r) => setTimeout(r, 20))
  const began = performance.now()
  await Promise.all([
    ...Array.from({ length: 8 }, () => fs.readFile(__filename)),
    dns.lookup('localhost'),
  ])
  const waited = performance.now() - began
  await calls
  assert.ok(waited < DELAY / 2, `fs and DNS waited ${waited.toFixed(0)} ms behind the calls`)
})
