'use strict'
// The npm package `iovox`: a thin layer over the native addon (built from
// bindings/node). The addon does the work and reports failures as data; this file turns
// them into Promises, plain objects and `Error` subclasses. No secret is kept in JS.

const util = require('node:util')
const native = require('./native').load()

/** Base of every error the SDK throws. */
class IovoxError extends Error {
  constructor(info) {
    super(info.message)
    this.name = new.target.name
    /** "validation", "api", "authentication", "timeout", "connection", "decode", "config"
     * or "internal". */
    this.kind = info.kind
    /** `IOVOX_API`, `IOVOX_VALIDATION`, … */
    this.code = `IOVOX_${String(info.kind).toUpperCase()}`
    /** The HTTP status where there was an answer, else null. */
    this.status = info.status ?? null
    /** Every message: the server's, or the checks' before sending. */
    this.messages = info.messages ?? [info.message]
    /** Attempts made (0: nothing was sent). */
    this.attempts = info.attempts ?? 0
  }
}

/** The request was refused before anything was sent; `errors` lists every problem. */
class ValidationError extends IovoxError {
  constructor(info) {
    super(info)
    this.errors = (info.errors ?? []).map((e) => ({
      code: e.code,
      position: e.position ?? null,
      field: e.field ?? null,
      message: e.message,
    }))
  }
}

/** IOVOX answered with an error: `status` and every `<error>` message. */
class ApiError extends IovoxError {}

/** IOVOX refused the credentials (401) or the account's rights (403): check the username
 * and secure key. An `ApiError`, so `instanceof ApiError` still holds; `kind` is
 * "authentication". */
class AuthenticationError extends ApiError {}

/** No answer in time; `maybeSent` is false when the connection itself timed out, true
 * when a later phase did (a purchase may then have been made). */
class TimeoutError extends IovoxError {
  constructor(info) {
    super(info)
    this.maybeSent = info.maybeSent ?? true
  }
}

/** The connection could not be made or broke; `maybeSent` says whether a purchase may
 * have reached IOVOX. */
class ConnectionError extends IovoxError {
  constructor(info) {
    super(info)
    this.maybeSent = info.maybeSent ?? false
  }
}

/** A body that is not what IOVOX sends; `line` and `column` point at broken XML. */
class DecodeError extends IovoxError {
  constructor(info) {
    super(info)
    this.line = info.line ?? null
    this.column = info.column ?? null
  }
}

/** The client is set up wrong. */
class ConfigError extends IovoxError {}

/** A callback refused by `receiveCallback`: `status` is what to answer (401: the
 * credentials do not match the callback URL's; 400: the body is not an IOVOX order). */
class CallbackError extends IovoxError {}

/** The call was aborted through its `signal`. `name` is "AbortError" and `code`
 * "ABORT_ERR", as Node's own; `maybeSent` says whether the request may already have
 * reached IOVOX (a purchase may then still be made); `cause` is the signal's reason. */
class AbortError extends IovoxError {
  constructor(maybeSent, reason) {
    super({
      kind: 'aborted',
      message: maybeSent
        ? 'the call was aborted after its request may have reached IOVOX; a purchase may still be made'
        : 'the call was aborted before anything was sent',
    })
    this.name = 'AbortError'
    this.code = 'ABORT_ERR'
    this.maybeSent = maybeSent
    if (reason !== undefined) this.cause = reason
  }
}

const classes = {
  validation: ValidationError,
  api: ApiError,
  authentication: AuthenticationError,
  timeout: TimeoutError,
  connection: ConnectionError,
  decode: DecodeError,
  config: ConfigError,
  callback: CallbackError,
}

const CALL_OPTIONS = ['signal', 'timeoutMs']

// Options cross as JSON, which has no NaN or Infinity: those go over as their names, so
// the core can refuse them by name rather than read them as "not given"; a string with a
// lone surrogate goes over as the core's stand-in for it, so it is refused by name too.
function optionsJson(options) {
  return JSON.stringify(options, (_key, v) => {
    if (typeof v === 'number' && !Number.isFinite(v)) return String(v)
    if (typeof v === 'string' && !v.isWellFormed()) return loneSurrogate(v)
    return v
  })
}

/** Runs one native call with `{ signal, timeoutMs }`: aborted before it starts, nothing is
 * sent; aborted later, it rejects at once, and no further attempt starts. */
async function withCallOptions(options, run) {
  if (options === undefined || options === null) return run(undefined, undefined)
  if (typeof options !== 'object') throw new TypeError('call options must be an object { signal, timeoutMs }')
  for (const key of Object.keys(options)) {
    if (!CALL_OPTIONS.includes(key)) throw new TypeError(`unknown call option '${key}'; the options are signal and timeoutMs`)
  }
  const { signal, timeoutMs } = options
  if (signal !== undefined && !(signal instanceof AbortSignal)) {
    throw new TypeError('signal must be an AbortSignal')
  }
  if (timeoutMs !== undefined && typeof timeoutMs !== 'number') {
    throw new ConfigError({ kind: 'config', message: `timeoutMs must be a number, not ${typeof timeoutMs}` })
  }
  if (signal?.aborted) throw new AbortError(false, signal.reason)
  if (!signal) return run(undefined, timeoutMs)
  const id = native.beginCall()
  let onAbort
  const aborted = new Promise((_resolve, reject) => {
    onAbort = () => reject(new AbortError(native.cancelCall(id), signal.reason))
    signal.addEventListener('abort', onAbort, { once: true })
  })
  try {
    return await Promise.race([run(id, timeoutMs), aborted])
  } finally {
    signal.removeEventListener('abort', onAbort)
    // Only now: an abort that lands after the call ended but before this point must
    // still hear that the request was sent.
    native.endCall(id)
  }
}

function toError(info) {
  if (info.kind === 'type') return new TypeError(info.message)
  const Class = classes[info.kind] ?? IovoxError
  return new Class(info)
}

// An action's answer: its order, its bytes, or nothing.
function answer(outcome) {
  if (outcome.error) throw toError(outcome.error)
  if (outcome.data != null) return JSON.parse(outcome.data)
  return outcome.order ?? outcome.bytes ?? undefined
}

function unwrap(outcome, key) {
  if (outcome.error) throw toError(outcome.error)
  return outcome[key]
}

// The map that stands for a string holding a lone surrogate, which UTF-8 cannot carry: the
// core refuses it as its field's own error, naming the first one (docs/decisions.md 31).
const LONE_SURROGATE = '\u0000lone surrogate'
// The key standing for bytes (iovox_core::wire::BYTES).
const BYTES = '\u0000bytes'
function loneSurrogate(s) {
  const well = s.toWellFormed()
  let i = 0
  while (s.charCodeAt(i) === well.charCodeAt(i)) i++
  return { [LONE_SURROGATE]: s.charCodeAt(i) }
}

// JSON is how requests cross into Rust: the core reads its values leniently, the way it
// reads XML. BigInts go over as their digits.
function toJson(value) {
  const text = JSON.stringify(value ?? null, function (key, v) {
    // Audio (a sound file's) is bytes: any Uint8Array (a Buffer is one) crosses as base64
    // under a key no field can have. `this[key]` is the value before Buffer's toJSON.
    const raw = this[key]
    if (raw instanceof Uint8Array) {
      return { [BYTES]: Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('base64') }
    }
    if (typeof v === 'bigint') return v.toString()
    // JSON has no NaN, Infinity or -0 (they would cross as null, "not given", or 0): they
    // go over as their text, which every number field refuses with its own message.
    if (typeof v === 'number' && (!Number.isFinite(v) || Object.is(v, -0))) {
      return Object.is(v, -0) ? '-0' : String(v)
    }
    if (typeof v === 'string' && !v.isWellFormed()) return loneSurrogate(v)
    return v
  })
  // A function, a Symbol, or a toJSON() giving undefined has no JSON at all: the core then
  // names the shape it wanted (found by fuzz/node_input.js).
  return text === undefined ? 'null' : text
}

/** A client of the IOVOX REST API v3. Share one per process: it keeps connections alive. */
class Client {
  #native

  constructor(options = {}) {
    if (options === null || typeof options !== 'object') {
      throw new TypeError('Client options must be an object')
    }
    this.#native = new native.NativeClient(optionsJson({ ...options, logEnv: process.env.IOVOX_LOG }))
    const error = this.#native.configError()
    if (error) throw toError(error)
  }

  /** The username sent with every call. */
  get username() {
    return this.#native.username
  }

  /** The base URL calls go to. */
  get baseUrl() {
    return this.#native.baseUrl
  }

  // <generated: client> (scripts/generate writes this region from the model)
  /** One page of getCategories: a category: a label's value, or one under it. */
  async getCategories(args, options) {
    return this.#page('getCategories', args, options)
  }

  /** Every result of getCategories, page after page, fetched as the loop reads them (`for await`);
   * `.iterPages()` gives each whole page with its totals. */
  iterCategories(args, options) {
    return this.#pages('getCategories', args, options)
  }

  /** One page of getCategoryId: a category holding the value asked for, with its path from the top. */
  async getCategoryId(args, options) {
    return this.#page('getCategoryId', args, options)
  }

  /** Every result of getCategoryId, page after page, fetched as the loop reads them (`for await`);
   * `.iterPages()` gives each whole page with its totals. */
  iterCategoryId(args, options) {
    return this.#pages('getCategoryId', args, options)
  }

  /** One page of getContactDetails: every detail of a contact. */
  async getContactDetails(args, options) {
    return this.#page('getContactDetails', args, options)
  }

  /** Every result of getContactDetails, page after page, fetched as the loop reads them (`for await`);
   * `.iterPages()` gives each whole page with its totals. */
  iterContactDetails(args, options) {
    return this.#pages('getContactDetails', args, options)
  }

  /** One page of getContacts: a contact: someone calls are put through to. */
  async getContacts(args, options) {
    return this.#page('getContacts', args, options)
  }

  /** Every result of getContacts, page after page, fetched as the loop reads them (`for await`);
   * `.iterPages()` gives each whole page with its totals. */
  iterContacts(args, options) {
    return this.#pages('getContacts', args, options)
  }

  /** One page of getLinks: a link of the account, with its node and number. */
  async getLinks(args, options) {
    return this.#page('getLinks', args, options)
  }

  /** Every result of getLinks, page after page, fetched as the loop reads them (`for await`);
   * `.iterPages()` gives each whole page with its totals. */
  iterLinks(args, options) {
    return this.#pages('getLinks', args, options)
  }

  /** One page of getNodes: a node of the account, once per link. */
  async getNodes(args, options) {
    return this.#page('getNodes', args, options)
  }

  /** Every result of getNodes, page after page, fetched as the loop reads them (`for await`);
   * `.iterPages()` gives each whole page with its totals. */
  iterNodes(args, options) {
    return this.#pages('getNodes', args, options)
  }

  /** One page of getCallData: a call one of the account's numbers received. */
  async getCallData(args, options) {
    return this.#page('getCallData', args, options)
  }

  /** Every result of getCallData, page after page, fetched as the loop reads them (`for await`);
   * `.iterPages()` gives each whole page with its totals. */
  iterCallData(args, options) {
    return this.#pages('getCallData', args, options)
  }

  /** One page of getCallMetrics: the figures of one group of calls (of every call, ungrouped). */
  async getCallMetrics(args, options) {
    return this.#page('getCallMetrics', args, options)
  }

  /** Every result of getCallMetrics, page after page, fetched as the loop reads them (`for await`);
   * `.iterPages()` gives each whole page with its totals. */
  iterCallMetrics(args, options) {
    return this.#pages('getCallMetrics', args, options)
  }

  /** One page of getCallFlows: a call flow: a rule template of the account's own. */
  async getCallFlows(args, options) {
    return this.#page('getCallFlows', args, options)
  }

  /** Every result of getCallFlows, page after page, fetched as the loop reads them (`for await`);
   * `.iterPages()` gives each whole page with its totals. */
  iterCallFlows(args, options) {
    return this.#pages('getCallFlows', args, options)
  }

  /** One page of getRuleTemplates: a rule template: calling rules a link can follow. */
  async getRuleTemplates(args, options) {
    return this.#page('getRuleTemplates', args, options)
  }

  /** Every result of getRuleTemplates, page after page, fetched as the loop reads them (`for await`);
   * `.iterPages()` gives each whole page with its totals. */
  iterRuleTemplates(args, options) {
    return this.#pages('getRuleTemplates', args, options)
  }

  /** One page of getSoundFiles: a sound file of the account: its label, group, size and dates (its audio comes from getSoundFileData). */
  async getSoundFiles(args, options) {
    return this.#page('getSoundFiles', args, options)
  }

  /** Every result of getSoundFiles, page after page, fetched as the loop reads them (`for await`);
   * `.iterPages()` gives each whole page with its totals. */
  iterSoundFiles(args, options) {
    return this.#pages('getSoundFiles', args, options)
  }

  /** One page of getCountries: a country IOVOX sells numbers in. */
  async getCountries(args, options) {
    return this.#page('getCountries', args, options)
  }

  /** Every result of getCountries, page after page, fetched as the loop reads them (`for await`);
   * `.iterPages()` gives each whole page with its totals. */
  iterCountries(args, options) {
    return this.#pages('getCountries', args, options)
  }

  /** One page of getVoxnumberRegions: a region numbers can be bought in. */
  async getVoxnumberRegions(args, options) {
    return this.#page('getVoxnumberRegions', args, options)
  }

  /** Every result of getVoxnumberRegions, page after page, fetched as the loop reads them (`for await`);
   * `.iterPages()` gives each whole page with its totals. */
  iterVoxnumberRegions(args, options) {
    return this.#pages('getVoxnumberRegions', args, options)
  }

  /** One page of getVoxnumbers: a number of the account. Fields not asked for in `req_fields` are empty. */
  async getVoxnumbers(args, options) {
    return this.#page('getVoxnumbers', args, options)
  }

  /** Every result of getVoxnumbers, page after page, fetched as the loop reads them (`for await`);
   * `.iterPages()` gives each whole page with its totals. */
  iterVoxnumbers(args, options) {
    return this.#pages('getVoxnumbers', args, options)
  }

  /** Creates categories, each with your own ID: at the top of a label, or under a parent. All of them, or none. Never repeated once it may have arrived: a repeat answers "already exist". `{ categories }`; `options`: `{ signal, timeoutMs }` for this call. (A bare array of categories, the older call shape, is taken too.) */
  async createCategories(request, options) {
    return this.#act('createCategories', request, options, 'categories')
  }

  /** Configures labels (category trees): each its own ID, its type (`Tree`, `Quarantine_Date` or `Deletion_Date`) and colour. All of them, or none. Never repeated once it may have arrived: a repeat answers "exists". `{ categories }`; `options`: `{ signal, timeoutMs }` for this call. (A bare array of categories, the older call shape, is taken too.) */
  async createCategoryConfigurations(request, options) {
    return this.#act('createCategoryConfigurations', request, options, 'categories')
  }

  /** Deletes categories with the categories under them. All of them, or none. Never repeated once it may have arrived: a repeat answers "does not exist". `{ categories }`; `options`: `{ signal, timeoutMs }` for this call. (A bare array of categories, the older call shape, is taken too.) */
  async deleteCategories(request, options) {
    return this.#act('deleteCategories', request, options, 'categories')
  }

  /** Deletes labels' configurations by their IDs. All of them, or none. Never repeated once it may have arrived: a repeat answers "does not exist". `{ categoriesIds }`; `options`: `{ signal, timeoutMs }` for this call. (A bare array of categoriesIds, the older call shape, is taken too.) */
  async deleteCategoryConfigurations(request, options) {
    return this.#act('deleteCategoryConfigurations', request, options, 'categoriesIds')
  }

  /** Creates contacts, each with your own ID: the people calls are put through to. All of them, or none. Never repeated once it may have arrived. `{ contacts }`; `options`: `{ signal, timeoutMs }` for this call. (A bare array of contacts, the older call shape, is taken too.) */
  async createContacts(request, options) {
    return this.#act('createContacts', request, options, 'contacts')
  }

  /** Deletes contacts. All of them, or none. Never repeated once it may have arrived: a repeat answers "does not exist". `{ contactIds, rmRules, rmIfUser }`; `options`: `{ signal, timeoutMs }` for this call. */
  async deleteContacts(request, options) {
    return this.#act('deleteContacts', request, options)
  }

  /** Changes contacts: details, or a new ID (`new_contact_id`). All of them, or none. Never repeated once it may have arrived. `{ contacts, rmRules, replaceDetails }`; `options`: `{ signal, timeoutMs }` for this call. */
  async updateContacts(request, options) {
    return this.#act('updateContacts', request, options)
  }

  /** Puts categories on links, one per entry; a category that does not exist yet is made under `parent_category_id` with `value`. All of them, or none. Never repeated once it may have arrived. `{ links }`; `options`: `{ signal, timeoutMs }` for this call. (A bare array of links, the older call shape, is taken too.) */
  async attachCategoryToLink(request, options) {
    return this.#act('attachCategoryToLink', request, options, 'links')
  }

  /** Attaches a rule template to links, with the values of its variable rules (getVariableRulesOfTemplate lists them). Never repeated once it may have arrived. `{ templateName, overwriteExisting, linkIds, rulesVariable }`; `options`: `{ signal, timeoutMs }` for this call. */
  async attachRuleTemplateToLinks(request, options) {
    return this.#act('attachRuleTemplateToLinks', request, options)
  }

  /** Attaches an SMS rule template to links, with the values of its variable rules. Never repeated once it may have arrived. `{ templateName, overwriteExisting, linkIds, rulesVariable }`; `options`: `{ signal, timeoutMs }` for this call. */
  async attachSMSTemplateToLinks(request, options) {
    return this.#act('attachSMSTemplateToLinks', request, options)
  }

  /** Attaches VoxNumbers to links: all of them, or none. Safe to repeat. `{ links }`; `options`: `{ signal, timeoutMs }` for this call. (A bare array of links, the older call shape, is taken too.) */
  async attachVoxnumberToLink(request, options) {
    return this.#act('attachVoxnumberToLink', request, options, 'links')
  }

  /** Creates links under existing nodes, each with your own ID: what a number is attached to. All of them, or none. Never repeated once it may have arrived: a repeat answers "already exists". `{ links }`; `options`: `{ signal, timeoutMs }` for this call. (A bare array of links, the older call shape, is taken too.) */
  async createLinks(request, options) {
    return this.#act('createLinks', request, options, 'links')
  }

  /** Deletes links; their numbers stay in the account, unassigned. All of them, or none. Never repeated once it may have arrived: a repeat answers "does not exist". `{ linkIds }`; `options`: `{ signal, timeoutMs }` for this call. (A bare array of linkIds, the older call shape, is taken too.) */
  async deleteLinks(request, options) {
    return this.#act('deleteLinks', request, options, 'linkIds')
  }

  /** Takes categories off links, each by its ID (digits) and label. All of them, or none. Never repeated once it may have arrived. `{ links }`; `options`: `{ signal, timeoutMs }` for this call. (A bare array of links, the older call shape, is taken too.) */
  async removeCategoryFromLink(request, options) {
    return this.#act('removeCategoryFromLink', request, options, 'links')
  }

  /** Takes the rule template off links. Safe to repeat. `{ linkIds }`; `options`: `{ signal, timeoutMs }` for this call. (A bare array of linkIds, the older call shape, is taken too.) */
  async removeRuleTemplateFromLinks(request, options) {
    return this.#act('removeRuleTemplateFromLinks', request, options, 'linkIds')
  }

  /** Takes the SMS template off links. Safe to repeat. `{ linkIds }`; `options`: `{ signal, timeoutMs }` for this call. (A bare array of linkIds, the older call shape, is taken too.) */
  async removeSMSTemplateFromLinks(request, options) {
    return this.#act('removeSMSTemplateFromLinks', request, options, 'linkIds')
  }

  /** Detaches the VoxNumber of each link: the numbers go back to the account's pool, unassigned. All of them, or none. Safe to repeat. `{ linkIds }`; `options`: `{ signal, timeoutMs }` for this call. (A bare array of linkIds, the older call shape, is taken too.) */
  async removeVoxnumberFromLink(request, options) {
    return this.#act('removeVoxnumberFromLink', request, options, 'linkIds')
  }

  /** Changes links: names, types, click-to-call, dates, or a new ID (`new_link_id`); what is left out keeps its value. All of them, or none. Never repeated once it may have arrived. `{ links }`; `options`: `{ signal, timeoutMs }` for this call. (A bare array of links, the older call shape, is taken too.) */
  async updateLinks(request, options) {
    return this.#act('updateLinks', request, options, 'links')
  }

  /** Creates a node with its links in one call, each link with its number (chosen as attach chooses it), categories and rules, each with your own ID. All of it, or none. Never repeated once it may have arrived: a repeat answers "already exists". Answers the node's ID and each link's. `{ nodeId, nodeName, nodeType, links, nodeDate }`; `options`: `{ signal, timeoutMs }` for this call. */
  async createNodeFull(request, options) {
    return this.#act('createNodeFull', request, options)
  }

  /** Creates nodes (a shop, a property), each with your own ID. All of them, or none. Never repeated once it may have arrived: a repeat answers "already exists". `{ nodes }`; `options`: `{ signal, timeoutMs }` for this call. (A bare array of nodes, the older call shape, is taken too.) */
  async createNodes(request, options) {
    return this.#act('createNodes', request, options, 'nodes')
  }

  /** Deletes nodes with their links; their numbers stay in the account. All of them, or none. Never repeated once it may have arrived: a repeat answers "does not exist". `{ nodeIds }`; `options`: `{ signal, timeoutMs }` for this call. (A bare array of nodeIds, the older call shape, is taken too.) */
  async deleteNodes(request, options) {
    return this.#act('deleteNodes', request, options, 'nodeIds')
  }

  /** One node in depth: its links, each link's number, rule template, rules and categories, as IOVOX holds them. Safe to repeat. `{ nodeId, linkId, reqFields, order, returnRuleName, returnVoxnumber, page, limit }`; `options`: `{ signal, timeoutMs }` for this call. */
  async getNodeDetails(request, options) {
    return this.#act('getNodeDetails', request, options)
  }

  /** Changes nodes: names, types, dates, or a new ID (`new_node_id`); what is left out keeps its value. All of them, or none. Never repeated once it may have arrived. `{ nodes }`; `options`: `{ signal, timeoutMs }` for this call. (A bare array of nodes, the older call shape, is taken too.) */
  async updateNodes(request, options) {
    return this.#act('updateNodes', request, options, 'nodes')
  }

  /** The audio of a recorded call (`has_recording` in getCallData), MP3 bytes as IOVOX sends them. Safe to repeat. `{ id }`; `options`: `{ signal, timeoutMs }` for this call. */
  async getCallRecording(request, options) {
    return this.#act('getCallRecording', request, options)
  }

  /** The audio of the voicemail a caller left, MP3 bytes as IOVOX sends them. Safe to repeat. `{ id }`; `options`: `{ signal, timeoutMs }` for this call. */
  async getVoicemailRecording(request, options) {
    return this.#act('getVoicemailRecording', request, options)
  }

  /** Creates a call flow of your own (a rule template links can follow), its rules as IOVOX's Callflow XML elements. Never repeated once it may have arrived: a repeat answers "CallFlow Name already exists". `{ name, rules, notes }`; `options`: `{ signal, timeoutMs }` for this call. */
  async createCallFlow(request, options) {
    return this.#act('createCallFlow', request, options)
  }

  /** Deletes call flows by name. Never repeated once it may have arrived. `{ callFlows, detachFromLinks }`; `options`: `{ signal, timeoutMs }` for this call. */
  async deleteCallFlows(request, options) {
    return this.#act('deleteCallFlows', request, options)
  }

  /** One call flow: its name, notes and rules, each rule a mapping of its element, attributes and children. Safe to repeat. `{ callFlow }`; `options`: `{ signal, timeoutMs }` for this call. */
  async getCallFlow(request, options) {
    return this.#act('getCallFlow', request, options)
  }

  /** Changes a call flow: its rules, notes, or name (`new_name`). Links that follow it take the new version, their values matched by rule ID. Never repeated once it may have arrived. `{ name, rules, newName, notes }`; `options`: `{ signal, timeoutMs }` for this call. */
  async updateCallFlow(request, options) {
    return this.#act('updateCallFlow', request, options)
  }

  /** Places a call that follows the calling rules of a link, with the call variables they use (`call_destination`: digits, `,` a 2-second pause, a digit a keypress once answered; `delay`: minutes from now; the rules' own). Never repeated once it may have arrived: a repeat places a second call. `{ linkId, callVariables }`; `options`: `{ signal, timeoutMs }` for this call. */
  async initiateCall(request, options) {
    return this.#act('initiateCall', request, options)
  }

  /** Blocks (or lets through) numbers calling in or called out, by `EQUALS` or `STARTSWITH`, with rules per link and time template. Never repeated once it may have arrived. `{ blockedNumbers }`; `options`: `{ signal, timeoutMs }` for this call. (A bare array of blockedNumbers, the older call shape, is taken too.) */
  async createBlockedNumbers(request, options) {
    return this.#act('createBlockedNumbers', request, options, 'blockedNumbers')
  }

  /** Creates time templates, each a label and its time frames (dates, `recurrence`, hours, days). Never repeated once it may have arrived. `{ timeTemplates }`; `options`: `{ signal, timeoutMs }` for this call. (A bare array of timeTemplates, the older call shape, is taken too.) */
  async createTimeTemplates(request, options) {
    return this.#act('createTimeTemplates', request, options, 'timeTemplates')
  }

  /** Deletes blocked numbers. Never repeated once it may have arrived. `{ blockedNumbers }`; `options`: `{ signal, timeoutMs }` for this call. (A bare array of blockedNumbers, the older call shape, is taken too.) */
  async deleteBlockedNumbers(request, options) {
    return this.#act('deleteBlockedNumbers', request, options, 'blockedNumbers')
  }

  /** Deletes time templates by label. Never repeated once it may have arrived. `{ timeTemplateLabels, force }`; `options`: `{ signal, timeoutMs }` for this call. */
  async deleteTimeTemplates(request, options) {
    return this.#act('deleteTimeTemplates', request, options)
  }

  /** The blocked numbers, with their rules: a page as a mapping (`results`, `current_page`, `total_pages`, `total_results`). Safe to repeat. `{ number, operator, inOrOut, reqFields, order, page, limit }`; `options`: `{ signal, timeoutMs }` for this call. */
  async getBlockedNumbers(request, options) {
    return this.#act('getBlockedNumbers', request, options)
  }

  /** The time templates with their time frames: a page as a mapping (`results`, `current_page`, `total_pages`, `total_results`). Safe to repeat. `{ timeTemplateLabel, reqFields, order, page, limit }`; `options`: `{ signal, timeoutMs }` for this call. */
  async getTimeTemplates(request, options) {
    return this.#act('getTimeTemplates', request, options)
  }

  /** The variable rules of a rule template (what attachRuleTemplateToLinks fills in), with a link's values when `link_id` is given. Safe to repeat. `{ templateName, linkId, page, limit }`; `options`: `{ signal, timeoutMs }` for this call. */
  async getVariableRulesOfTemplate(request, options) {
    return this.#act('getVariableRulesOfTemplate', request, options)
  }

  /** Changes blocked numbers, each found by its number, direction and operator: `new_number`, `new_in_or_out`, `new_operator`, `default`, notes or rules. Never repeated once it may have arrived. `{ blockedNumbers }`; `options`: `{ signal, timeoutMs }` for this call. (A bare array of blockedNumbers, the older call shape, is taken too.) */
  async updateBlockedNumbers(request, options) {
    return this.#act('updateBlockedNumbers', request, options, 'blockedNumbers')
  }

  /** Changes time templates: their time frames, or a label (`new_label`). Never repeated once it may have arrived. `{ timeTemplates }`; `options`: `{ signal, timeoutMs }` for this call. (A bare array of timeTemplates, the older call shape, is taken too.) */
  async updateTimeTemplates(request, options) {
    return this.#act('updateTimeTemplates', request, options, 'timeTemplates')
  }

  /** Uploads sound files, each with a label unique in its group and its audio as bytes (never text). All of them, or none. Never repeated once it may have arrived: a repeat answers "already exists in Sound Group". `{ soundFiles }`; `options`: `{ signal, timeoutMs }` for this call. (A bare array of soundFiles, the older call shape, is taken too.) */
  async createSoundFiles(request, options) {
    return this.#act('createSoundFiles', request, options, 'soundFiles')
  }

  /** Deletes sound files. All of them, or none. Never repeated once it may have arrived: a repeat answers "Does not exist". `{ soundFiles }`; `options`: `{ signal, timeoutMs }` for this call. (A bare array of soundFiles, the older call shape, is taken too.) */
  async deleteSoundFiles(request, options) {
    return this.#act('deleteSoundFiles', request, options, 'soundFiles')
  }

  /** The audio of a sound file, bytes as IOVOX sends them. Safe to repeat. `{ soundLabel, soundGroup }`; `options`: `{ signal, timeoutMs }` for this call. */
  async getSoundFileData(request, options) {
    return this.#act('getSoundFileData', request, options)
  }

  /** Changes sound files, each found by its label and group: a new label or group (`new_sound_label`, `new_sound_group`), new audio as bytes, or notes; what is left out keeps its value. All of them, or none. Never repeated once it may have arrived. `{ soundFiles }`; `options`: `{ signal, timeoutMs }` for this call. (A bare array of soundFiles, the older call shape, is taken too.) */
  async updateSoundFiles(request, options) {
    return this.#act('updateSoundFiles', request, options, 'soundFiles')
  }

  /** Buys VoxNumbers. Every check the request alone allows is made first: a request IOVOX would refuse is never sent. Never repeated once it may have arrived, unless the client opts in (retry purchase after send). A callback URL without `user:password@` is refused unless unauthenticated callbacks are allowed by name: anyone could forge its callbacks. `{ items, callbackUrl, ccList, dynamicQuantity, allowUnauthenticatedCallbacks }`; `options`: `{ signal, timeoutMs }` for this call. */
  async purchaseVoxNumbers(request, options) {
    return this.#act('purchaseVoxNumbers', request, options)
  }

  /** Gives numbers back to IOVOX for good: at most 100, all of them or none. Never repeated once it may have arrived. `{ fullVoxnumbers, rmIfInUse }`; `options`: `{ signal, timeoutMs }` for this call. */
  async deleteVoxnumbersFromAccount(request, options) {
    return this.#act('deleteVoxnumbersFromAccount', request, options)
  }

  /** Switches the calls of numbers attached to links: `ON` runs the link's rules, `OFF` drops the calls. The numbers stay on their links. Safe to repeat. `{ callStatus, voxnumbers }`; `options`: `{ signal, timeoutMs }` for this call. */
  async setCallStatus(request, options) {
    return this.#act('setCallStatus', request, options)
  }
  // </generated>

  /** Any IOVOX method: `{ interface, method, verb, query, body, safeToRepeat }`, with the
   * same auth, timeouts, retries (only when `safeToRepeat`), errors and redaction as the
   * typed calls. Resolves to `{ status, body }` (`body` a Buffer). */
  async rawRequest(request, options) {
    const json = toJson(request)
    return withCallOptions(options, async (id, timeoutMs) => {
      const outcome = await this.#native.rawRequest(json, id, timeoutMs)
      if (outcome.error) throw toError(outcome.error)
      return { status: outcome.status, body: outcome.body }
    })
  }

  async #act(method, request, options, bare) {
    const json = toJson(bare !== undefined && Array.isArray(request) ? { [bare]: request } : request ?? {})
    return withCallOptions(options, async (id, timeoutMs) =>
      answer(await this.#native.callAction(method, json, id, timeoutMs)),
    )
  }

  async #page(method, args, options) {
    const json = toJson(args ?? {})
    return withCallOptions(options, async (id, timeoutMs) =>
      toPage(unwrap(await this.#native.callList(method, json, id, timeoutMs), 'text'), method),
    )
  }

  #pages(method, args, options) {
    return new PageIterator(new native.NativePages(this.#native, method, toJson(args ?? {})), method, options)
  }

  /** Lets go of the connections; later calls reject with a ConfigError. */
  close() {
    this.#native.close()
  }

  [util.inspect.custom](_depth, options) {
    return `Client ${util.inspect({ username: this.username, baseUrl: this.baseUrl }, options)}`
  }

  toJSON() {
    return { username: this.username, baseUrl: this.baseUrl }
  }
}

/** What a typed method that is not a list would send for `args` (the object its call
 * takes), after the same checks as the call: `{ query, body }`, the query's `[name, value]`
 * pairs in order and the body's XML (empty for a query method). Nothing is sent. */
function prepareRequest(method, args) {
  if (typeof method !== 'string') throw new TypeError(`method must be a string, not ${typeof method}`)
  const outcome = native.prepareRequest(method, toJson(args ?? {}))
  if (outcome.error) throw toError(outcome.error)
  return { query: outcome.query, body: outcome.body }
}

/** What a typed method that is not a list answered, from the body IOVOX sent (for bodies
 * fetched with `rawRequest`): `undefined`, an order, a Buffer or an object, as its call
 * gives them; a DecodeError for a body it cannot read. */
function decodeAnswer(method, body) {
  if (typeof method !== 'string') throw new TypeError(`method must be a string, not ${typeof method}`)
  if (!Buffer.isBuffer(body) && typeof body !== 'string') {
    throw new TypeError(`body must be a Buffer or a string, not ${typeof body}`)
  }
  return answer(native.decodeAnswer(method, body))
}

/** Writes a recording's audio (`getCallRecording`) to `path`, whole or not at all: a file
 * beside it first, then renamed over it. Empty audio is refused. The bytes written. */
function saveRecording(audio, path) {
  if (!(audio instanceof Uint8Array)) throw new TypeError(`audio must be a Buffer, not ${typeof audio}`)
  if (typeof path !== 'string') throw new TypeError(`path must be a string, not ${typeof path}`)
  return native.saveRecording(Buffer.from(audio.buffer, audio.byteOffset, audio.byteLength), path)
}

/** Parses the body IOVOX POSTs to `callbackUrl` (a Buffer or a string). */
function parseCallback(body) {
  if (!Buffer.isBuffer(body) && typeof body !== 'string') {
    throw new TypeError(`body must be a Buffer or a string, not ${typeof body}`)
  }
  return unwrap(native.parseCallback(body), 'order')
}

const kindOf = (v) => (v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v)

// An order as the native side takes it, or a TypeError naming the first value that is not
// (`update.voxnumbers[1].areaCode must be ...`), where napi would say "rust type `u32`"
// (found by fuzz/node_input.js).
function orderArgument(name, order) {
  if (order === null || typeof order !== 'object' || typeof order.orderReference !== 'string' || !Array.isArray(order.voxnumbers)) {
    throw new TypeError(`${name} must be an order ({ orderReference, orderStatus, voxnumbers }), not ${kindOf(order)}`)
  }
  if (typeof order.orderStatus !== 'string') {
    throw new TypeError(`${name}.orderStatus must be a string, not ${kindOf(order.orderStatus)}`)
  }
  const voxnumbers = order.voxnumbers.map((n, i) => {
    const at = `${name}.voxnumbers[${i}]`
    if (n === null || typeof n !== 'object') throw new TypeError(`${at} must be a VoxNumber ({ countryCode, areaCode, fullVoxnumber }), not ${kindOf(n)}`)
    for (const field of ['countryCode', 'areaCode']) {
      const v = n[field]
      if (!Number.isInteger(v) || v < 0 || v > 0xffffffff || Object.is(v, -0)) {
        throw new TypeError(`${at}.${field} must be an integer from 0 to 4294967295, not ${typeof v === 'number' ? v : kindOf(v)}`)
      }
    }
    if (typeof n.fullVoxnumber !== 'string') throw new TypeError(`${at}.fullVoxnumber must be a string, not ${kindOf(n.fullVoxnumber)}`)
    return { countryCode: n.countryCode, areaCode: n.areaCode, fullVoxnumber: n.fullVoxnumber }
  })
  return { orderReference: order.orderReference, orderStatus: order.orderStatus, voxnumbers }
}

/** `known` with `update` (a callback, or any later report of the same order) folded in,
 * right whichever way IOVOX reports: numbers united by `fullVoxnumber`, the status never
 * going back from FULFILLED. A new order; neither argument changes. */
function mergeOrder(known, update) {
  const outcome = native.mergeOrder(orderArgument('known', known), orderArgument('update', update))
  if (outcome.error) throw new RangeError(outcome.error.messages[0])
  return outcome.order
}

// <generated: dates> (scripts/generate writes this region from the model)
const DATE_FIELDS = {
  getCallFlows: ['created'],
  getRuleTemplates: ['created'],
  getSoundFiles: ['created', 'updated'],
  getVoxnumbers: ['purchaseDate'],
}
// </generated>

/** A page from the addon's JSON: each date-time field of the model ("YYYY-MM-DD HH:MM:SS")
 * as a `Date` (read as UTC; IOVOX does not say its zone), IOVOX's text when it is not one. */
function toPage(json, method) {
  const page = JSON.parse(json)
  const dates = DATE_FIELDS[method] ?? []
  if (dates.length) {
    for (const r of page.results) {
      for (const field of dates) {
        if (typeof r[field] !== 'string') continue
        const date = new Date(`${r[field].replace(' ', 'T')}Z`)
        if (!Number.isNaN(date.getTime())) r[field] = date
      }
    }
  }
  return page
}

/** Every result of a list method, page after page, as `for await` reads them; or each
 * whole page with its totals (`for await (const page of it.iterPages())`). The paging loop
 * is the native one (iovox_http::ListPages): each page is one awaited call, with the
 * caller's signal and timeout. Arguments are checked at once; the first read throws
 * their error, before anything is sent. */
class PageIterator {
  #pages
  #method
  #options
  #buffer = []
  #done = false

  constructor(pages, method, options) {
    this.#pages = pages
    this.#method = method
    this.#options = options
  }

  /** The next whole page, or `null` after the last. */
  async nextPage() {
    if (this.#done) return null
    const error = this.#pages.error()
    if (error) {
      this.#done = true
      throw toError(error)
    }
    const text = await withCallOptions(this.#options, async (id, timeoutMs) =>
      unwrap(await this.#pages.next(id, timeoutMs), 'text'),
    )
    if (text === null || text === undefined) {
      this.#done = true
      return null
    }
    return toPage(text, this.#method)
  }

  async next() {
    while (this.#buffer.length === 0) {
      const page = await this.nextPage()
      if (page === null) return { done: true, value: undefined }
      this.#buffer = page.results.reverse()
    }
    return { done: false, value: this.#buffer.pop() }
  }

  /** Stops the walk (what `break` in a `for await` does): no page is fetched after it. */
  async return() {
    this.#done = true
    this.#buffer = []
    return { done: true, value: undefined }
  }

  [Symbol.asyncIterator]() {
    return this
  }

  /** Each whole page in turn. Call it before reading results one by one: a page already
   * part-read cannot be given whole. */
  async *iterPages() {
    if (this.#buffer.length) {
      throw new Error('iterPages(): this iterator is part-way through a page; call iterPages() before reading results one by one')
    }
    for (;;) {
      const page = await this.nextPage()
      if (page === null) return
      yield page
    }
  }

  [util.inspect.custom]() {
    return `PageIterator(${this.#method})`
  }
}

/** A list method's answer (`getVoxnumbers`, `getLinks`, `getVoxnumberRegions`) as a page,
 * for bodies fetched with `rawRequest` (a Buffer or a string). */
function decodePage(method, body) {
  if (!Buffer.isBuffer(body) && typeof body !== 'string') {
    throw new TypeError(`body must be a Buffer or a string, not ${typeof body}`)
  }
  return toPage(unwrap(native.decodePage(String(method), body), 'text'), String(method))
}

/** The one entry point for a callback IOVOX POSTs: checks the `Authorization` header
 * against the `user:pass@` of the `callbackUrl` the purchase sent (in constant time), then
 * parses the body. Throws `CallbackError` with the `status` to answer (401, 400). A URL
 * without `user:pass@` is refused (401: anyone could have sent it) unless
 * `{ allowUnauthenticatedCallbacks: true }`. */
function receiveCallback(callbackUrl, authorization, body, options = {}) {
  if (typeof callbackUrl !== 'string') throw new TypeError('callbackUrl must be a string')
  if (!Buffer.isBuffer(body) && typeof body !== 'string') {
    throw new TypeError(`body must be a Buffer or a string, not ${typeof body}`)
  }
  if (options === null || typeof options !== 'object') throw new TypeError('options must be an object')
  for (const key of Object.keys(options)) {
    if (key !== 'allowUnauthenticatedCallbacks') {
      throw new TypeError(`unknown option '${key}'; the option is allowUnauthenticatedCallbacks`)
    }
  }
  const allow = options.allowUnauthenticatedCallbacks ?? false
  if (typeof allow !== 'boolean') throw new TypeError('allowUnauthenticatedCallbacks must be a boolean')
  const auth = typeof authorization === 'string' ? authorization : undefined
  return unwrap(native.receiveCallback(callbackUrl, auth, body, allow), 'order')
}

/** The XML `purchaseVoxNumbers` would send for this request, after the same checks. */
function purchaseRequestXml(request) {
  return unwrap(native.purchaseRequestXml(toJson(request)), 'text')
}

/** The XML `attachVoxnumberToLink` would send for these links, after the same checks. */
function attachRequestXml(links) {
  return unwrap(native.attachRequestXml(toJson(links)), 'text')
}

module.exports = {
  PRODUCTION_URL: native.PRODUCTION_URL,
  SANDBOX_URL: native.SANDBOX_URL,
  Client,
  parseCallback,
  mergeOrder,
  prepareRequest,
  saveRecording,
  decodeAnswer,
  receiveCallback,
  decodePage,
  purchaseRequestXml,
  attachRequestXml,
  IovoxError,
  ValidationError,
  ApiError,
  AuthenticationError,
  TimeoutError,
  ConnectionError,
  DecodeError,
  ConfigError,
  CallbackError,
  AbortError,
}
