'use strict'
// Receiving IOVOX's callbacks with Node's own http server.
//
// IOVOX POSTs an <order> to the callbackUrl of a purchase each time the order changes:
// PENDING with some numbers, later FULFILLED; again when a delivery failed. Give IOVOX a
// URL with user:pass@ in it: IOVOX sends those as basic auth, and receiveCallback checks
// them (in constant time) before it reads the body.
//
// The same order may come more than once, an old update may come late, and a callback may
// list only the numbers new since the last one or every number so far: keep orders by
// orderReference and fold each callback in with mergeOrder, which is right either way and
// never moves a FULFILLED order back to PENDING.
//
// Run against the local sandbox: node node/examples/callbacks.js
const http = require('node:http')
const { CallbackError, mergeOrder, receiveCallback } = require('iovox')

/** A server for callbacks; `listen()` it, then give IOVOX `callbackUrl(port)`. */
function createServer({ user = 'iovox', password = 's3cret-hook', path = '/iovox/callback' } = {}) {
  const orders = new Map()
  const server = http.createServer((req, res) => {
    if (req.method !== 'POST' || req.url !== path) {
      res.writeHead(404).end()
      return
    }
    const chunks = []
    req.on('data', (c) => chunks.push(c))
    req.on('end', () => {
      try {
        const url = callbackUrl(server.address().port)
        const order = receiveCallback(url, req.headers.authorization, Buffer.concat(chunks))
        const known = orders.get(order.orderReference)
        orders.set(order.orderReference, known ? mergeOrder(known, order) : order)
        res.writeHead(200).end()
      } catch (e) {
        if (!(e instanceof CallbackError)) throw e
        res.writeHead(e.status).end(e.message)
      }
    })
  })
  const callbackUrl = (port) => `http://${user}:${password}@127.0.0.1:${port}${path}`
  return { server, orders, callbackUrl }
}

async function main() {
  const { Client } = require('iovox')
  const { Sandbox } = require('iovox-sandbox')
  const sandbox = await Sandbox.start()
  const { server, orders, callbackUrl } = createServer()
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  try {
    const client = new Client({ username: sandbox.username, secureKey: sandbox.secureKey, baseUrl: sandbox.url })
    const order = await client.purchaseVoxNumbers({
      items: [{ countryCode: 44, areaCode: 151, numberType: 'GEOGRAPHIC', quantity: 3 }],
      callbackUrl: callbackUrl(server.address().port),
    })
    console.log(`bought: ${order.orderReference} ${order.orderStatus}`)
    sandbox.restock({ count: 5, countryCode: 44, areaCode: 151 })
    await sandbox.waitForCallbacks(1)
    console.log(`heard: ${orders.get(order.orderReference).orderStatus}`)
  } finally {
    server.close()
    await sandbox.close()
  }
}

if (require.main === module) main()

module.exports = { createServer }
