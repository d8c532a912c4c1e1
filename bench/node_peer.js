'use strict'
// The Node peer: what a user would write without the SDK. Global fetch (undici, keep-alive
// by default), the request XML from a template, the answer parsed with fast-xml-parser.
const path = require('node:path')
// Installed as a dev dependency of the package (node/node_modules).
const { XMLParser } = require(require.resolve('fast-xml-parser', { paths: [path.join(__dirname, '..', 'node')] }))

const parser = new XMLParser({ isArray: (name) => name === 'voxnumber', parseTagValue: false })
const pageParser = new XMLParser({ isArray: (name) => name === 'result', parseTagValue: false })
const camel = (k) => k.replace(/_([a-z])/g, (_, c) => c.toUpperCase())

/** A page's results into objects as a user would write it with fast-xml-parser: every
 * field in camelCase, empty ones left out, each object then given to `finish`. */
function resultsFromXml(text, finish) {
  const response = pageParser.parse(text).response
  const results = ((response.results && response.results.result) || []).map((r) => {
    const o = {}
    for (const [k, v] of Object.entries(r)) {
      if (v === '' || v === undefined) continue
      o[camel(k)] = v
    }
    finish(o)
    return o
  })
  return { totalResults: Number(response.total_results), results }
}

/** A getVoxnumbers page: the country code a number, the date a Date. */
function pageFromXml(text) {
  return resultsFromXml(text, (o) => {
    if (o.countryCode !== undefined) o.countryCode = Number(o.countryCode)
    if (o.purchaseDate !== undefined) o.purchaseDate = new Date(`${o.purchaseDate.replace(' ', 'T')}Z`)
  })
}

/** A getCallData page: the seconds as numbers, the flags as booleans. */
function callsFromXml(text) {
  return resultsFromXml(text, (o) => {
    for (const k of ['callTimeSec', 'talkTimeSec']) if (o[k] !== undefined) o[k] = Number(o[k])
    for (const k of ['hasRecording', 'emailSent']) if (o[k] !== undefined) o[k] = o[k] === '1' || o[k] === 'TRUE'
  })
}

const esc = (v) => String(v).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

function purchaseXml(items) {
  const body = items
    .map((item) => `<item>${Object.entries(item).map(([k, v]) => `<${k}>${esc(v)}</${k}>`).join('')}</item>`)
    .join('')
  return `<?xml version="1.0" encoding="utf-8"?><request><items>${body}</items></request>`
}

function orderFromXml(text) {
  const doc = parser.parse(text)
  const o = doc.response || doc.order
  const numbers = (o.voxnumbers && o.voxnumbers.voxnumber) || []
  return {
    orderReference: o.order_reference,
    orderStatus: o.order_status,
    voxnumbers: numbers.map((v) => ({
      countryCode: Number(v.country_code),
      areaCode: Number(v.area_code),
      fullVoxnumber: String(v.full_voxnumber),
    })),
  }
}

class Peer {
  constructor(baseUrl, username, secureKey, timeoutMs = 30000) {
    this.url = `${baseUrl}/Purchase?v=3&method=purchaseVoxNumbers`
    this.headers = { username, secureKey, 'Content-Type': 'application/xml' }
    this.timeoutMs = timeoutMs
  }

  async purchaseRaw(items) {
    const res = await fetch(this.url, {
      method: 'POST',
      headers: this.headers,
      body: purchaseXml(items),
      signal: AbortSignal.timeout(this.timeoutMs),
    })
    const text = await res.text()
    if (!res.ok) throw new Error(`HTTP ${res.status}: ${text}`)
    return text
  }

  async purchase(items) {
    return orderFromXml(await this.purchaseRaw(items))
  }

  async callData(query) {
    const url = new URL(this.url.replace('/Purchase?v=3&method=purchaseVoxNumbers', '/Calls'))
    for (const [k, v] of Object.entries({ v: '3', method: 'getCallData', ...query })) url.searchParams.set(k, String(v))
    const res = await fetch(url, { headers: this.headers, signal: AbortSignal.timeout(this.timeoutMs) })
    const text = await res.text()
    if (!res.ok) throw new Error(`HTTP ${res.status}: ${text}`)
    return callsFromXml(text)
  }
}

module.exports = { Peer, callsFromXml, orderFromXml, pageFromXml, purchaseXml }
