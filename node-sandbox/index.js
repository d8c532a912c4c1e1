'use strict'
// The npm package `iovox-sandbox`: a local IOVOX inside the process for offline tests, a
// thin layer over its own native addon (built from bindings/node-sandbox). Apart from
// `iovox`, so the SDK a service installs carries no server. Orders come back as the SDK's
// own objects: the addon gives each as the callback body it sends, read by
// `iovox.parseCallback`.

const util = require('node:util')
const { ConfigError, parseCallback } = require('iovox')
const native = require('./native').load()

function toJson(value) {
  return JSON.stringify(value ?? {})
}

function callbacks(records) {
  return records.map(({ orderXml, ...rest }) => ({ order: parseCallback(orderXml), ...rest }))
}

/** A local IOVOX inside the process, for offline tests: the same checks and messages,
 * stock, PENDING orders and callbacks. It never keeps the process alive. */
class Sandbox {
  #native

  /** @private Use `Sandbox.start()`. */
  constructor(handle) {
    if (!(handle instanceof native.NativeSandbox)) {
      throw new TypeError('use `await Sandbox.start(options)`')
    }
    this.#native = handle
  }

  /** Starts a sandbox on 127.0.0.1: `{ state, username, secureKey, responseDelayMs,
   * autoRestockAfterMs, port }`, all optional. */
  static async start(options = {}) {
    // JSON would turn NaN and Infinity into null, that is "not given": refuse them here.
    for (const name of ['responseDelayMs', 'autoRestockAfterMs', 'port']) {
      const value = options?.[name]
      if (value !== undefined && value !== null && !(Number.isSafeInteger(value) && value >= 0)) {
        throw new ConfigError({ kind: 'config', message: `sandbox option ${name} must be a whole number >= 0, not ${String(value)}` })
      }
    }
    return new Sandbox(new native.NativeSandbox(toJson(options)))
  }

  get url() {
    return this.#native.url
  }

  get username() {
    return this.#native.username
  }

  get secureKey() {
    return this.#native.secureKey
  }

  /** Adds `count` numbers to each matching region and completes the PENDING orders that
   * can now be filled; returns how many callbacks were queued. */
  restock({ count, countryCode, areaCode, numberType }) {
    return this.#native.restock(toJson({ count, countryCode, areaCode, numberType }))
  }

  /** Records a call to one of the account's numbers, as IOVOX would after a real one:
   * `getCallData` lists it, `getCallRecording` gives its audio when `recording`. `start`
   * is "YYYY-MM-DD[ HH:MM:SS]" (UTC; now when left out). Returns the call's ID; throws a
   * RangeError for a number the account does not have, a caller that is not digits or a
   * start that is no date-time. */
  simulateCall({ voxnumber, caller, start, durationSec, answered, recording }) {
    try {
      return this.#native.simulateCall(toJson({ voxnumber, caller, start, durationSec, answered, recording }))
    } catch (e) {
      throw e.code === 'InvalidArg' ? new RangeError(e.message) : e
    }
  }

  /** Every callback sent so far. */
  get callbacks() {
    return callbacks(this.#native.callbacks())
  }

  /** Resolves once `count` callbacks were sent, or after `timeoutMs`, with those sent. */
  async waitForCallbacks(count, { timeoutMs = 5000 } = {}) {
    return callbacks(await this.#native.waitForCallbacks(count, timeoutMs))
  }

  /** Every order made so far, as it stands. */
  get orders() {
    return this.#native.ordersXml().map(parseCallback)
  }

  /** The account as it stands (regions with their stock, numbers and their links), in the
   * state-file format. */
  get state() {
    return JSON.parse(this.#native.stateJson())
  }

  /** The `callbackUrl` of every purchase that made an order (null where none), in the
   * order of `orders`: which of a test's calls reached the sandbox. */
  get purchaseCallbackUrls() {
    return this.#native.purchaseCallbackUrls()
  }

  /** Counters: requests, purchases, attaches, connections. */
  get stats() {
    return this.#native.stats()
  }

  /** How many requests named this IOVOX method (`getNodes`, …), faulted ones included:
   * how a test proves a call was not repeated. */
  requestsFor(method) {
    if (typeof method !== 'string') throw new TypeError(`method must be a string, not ${typeof method}`)
    return this.#native.requestsFor(method)
  }

  /** Makes the next answer fail: "500", "slow:MS", "drop", "not-xml", "oversized:BYTES". */
  inject(fault) {
    this.#native.inject(String(fault))
  }

  /** Stops the server. */
  close() {
    return this.#native.close()
  }

  [util.inspect.custom](_depth, options) {
    return `Sandbox ${util.inspect({ url: this.url, username: this.username }, options)}`
  }
}

module.exports = { Sandbox }
