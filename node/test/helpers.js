'use strict'
const fs = require('node:fs')
const http = require('node:http')
const path = require('node:path')

const ROOT = path.resolve(__dirname, '..', '..')
// Recognisable, so a test can prove it never shows up in output, inspect or errors.
const KEY = 'SECRET-KEY-c0ffee-5ca1ab1e'

function vectors(name) {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'tests', 'vectors', `${name}.json`), 'utf8')).cases
}

// The vectors use the wire names; Node users write camelCase. Bytes are written
// {"\u0000bytes": base64} in the vectors; a Node user hands over a Buffer.
function camel(value) {
  if (Array.isArray(value)) return value.map(camel)
  if (value === null || typeof value !== 'object') return value
  const keys = Object.keys(value)
  if (keys.length === 1 && keys[0] === '\u0000bytes') return Buffer.from(value[keys[0]], 'base64')
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase()), camel(v)]),
  )
}

/** A server answering every request with one status and body, set per test. */
async function canned() {
  const state = { status: 200, body: '', requests: 0, lastBody: '', lastUrl: '' }
  const server = http.createServer((req, res) => {
    state.requests += 1
    state.lastUrl = req.url
    const chunks = []
    req.on('data', (c) => chunks.push(c))
    req.on('end', () => {
      state.lastBody = Buffer.concat(chunks).toString('utf8')
      res.writeHead(state.status, { 'Content-Type': 'text/xml' })
      res.end(state.body)
    })
  })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    answer(status, body) {
      state.status = status
      state.body = body
    },
    get requests() {
      return state.requests
    },
    get lastBody() {
      return state.lastBody
    },
    get lastUrl() {
      return state.lastUrl
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  }
}

module.exports = { ROOT, KEY, vectors, camel, canned }
