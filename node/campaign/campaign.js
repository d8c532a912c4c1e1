'use strict'
// The fault campaign through the Node package: calls against the in-process Sandbox with a
// fault drawn from a seeded generator before each, plus malformed callbacks fed to
// parseCallback. Checks that every call ends in its result or a typed error within its
// deadline; that every order matches what was asked for; that no purchase reached the
// sandbox twice (and that a lane opting in to purchase retries does repeat them); that the
// account listed afterwards accounts for every number, from what the campaign itself did;
// that nodes and links made and deleted under faults are as the calls reported, each create
// and delete sent once, and getCallData sees every simulated call;
// that an abort lane (random aborts before and after sending) never has a purchase the
// caller was told was not sent; and that no file descriptor or thread is left.
//
// Usage: node campaign.js [--seed N] [--calls N]. Prints its figures; exit code 1 on any
// violation. Run by scripts/campaign (part of scripts/test).
const fs = require('node:fs')
const iovox = require('..')
const { Sandbox } = require('iovox-sandbox')

const KEY = 'SECRET-KEY-c0ffee-5ca1ab1e'
const TIMEOUT_MS = 200
const RETRIES = 2
// The clients read at most 8 MiB, so an oversized answer is refused before the timeout.
const MAX_BODY = 8 * 1024 * 1024
// The package's waits between attempts: 200 ms doubling, jitter up to all of it.
const BACKOFF_MS = Array.from({ length: RETRIES }, (_, i) => 200 * 2 ** i).reduce((a, b) => a + b, 0)
// Every attempt timing out, every wait at its longest, and 1 s for a loaded 2-core machine.
const DEADLINE_MS = (RETRIES + 1) * TIMEOUT_MS + BACKOFF_MS + 1000
// An abort must reject within this of the abort (it does not wait for the call).
const ABORT_BOUND_MS = 500
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
  'oversized:9000000': [4, ['decode'], ['decode']], // past the 8 MiB body cap its clients set
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
const threads = () => fs.readdirSync('/proc/self/task').length
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))
const numbersOf = (state) => new Set(state.voxnumbers.map((v) => v.full_voxnumber))
const stockOf = (state) => state.regions.reduce((s, r) => s + r.stock, 0)

// What a successful purchase must hold, against its own request.
function checkOrder(order, request) {
  const asked = new Map()
  for (const i of request.items) asked.set(`${i.countryCode}/${i.areaCode}`, (asked.get(`${i.countryCode}/${i.areaCode}`) || 0) + i.quantity)
  const got = new Map()
  for (const n of order.voxnumbers) got.set(`${n.countryCode}/${n.areaCode}`, (got.get(`${n.countryCode}/${n.areaCode}`) || 0) + 1)
  const problems = []
  for (const [k, v] of got) if (v > (asked.get(k) || 0)) problems.push(`${k}: ${v} numbers for ${asked.get(k) || 0} asked`)
  const sum = (m) => [...m.values()].reduce((a, b) => a + b, 0)
  const complete = sum(got) === sum(asked)
  if (order.orderStatus === 'FULFILLED' && !request.dynamicQuantity && !complete) problems.push(`FULFILLED with ${sum(got)} of ${sum(asked)}`)
  if (order.orderStatus === 'PENDING' && (complete || request.dynamicQuantity)) problems.push('PENDING with nothing owed')
  return problems
}

// Purchases with random aborts: before the call, at a random moment while the sandbox
// holds it, or none. A purchase the caller was told was not sent must not be in the
// sandbox's log; every abort must reject at once.
async function abortLane(r, violations) {
  const sb = await Sandbox.start({ secureKey: KEY, responseDelayMs: 30, autoRestockAfterMs: 1 })
  sb.restock({ count: 1000 })
  const client = new iovox.Client({ username: sb.username, secureKey: KEY, baseUrl: sb.url, retries: RETRIES })
  const told = { ok: 0, 'aborted, not sent': 0, 'aborted, maybe sent': 0 }
  const notSent = []
  let slowest = 0
  for (let i = 0; i < 150; i++) {
    const callbackUrl = `http://campaign:hook@127.0.0.1:9/abort/${i}`
    const request = { items: [{ countryCode: 44, areaCode: 20, numberType: 'GEOGRAPHIC', quantity: 1 }], callbackUrl }
    const controller = new AbortController()
    const when = r()
    if (when < 0.2) controller.abort()
    else if (when < 0.8) setTimeout(() => controller.abort(), Math.floor(r() * 50))
    let abortedAt
    controller.signal.addEventListener('abort', () => { abortedAt = performance.now() })
    try {
      await client.purchaseVoxNumbers(request, { signal: controller.signal })
      told.ok++
    } catch (e) {
      if (!(e instanceof iovox.AbortError)) {
        violations.push(`abort lane: ${outcomeOf(e)}`)
        continue
      }
      slowest = Math.max(slowest, performance.now() - (abortedAt ?? performance.now()))
      if (e.maybeSent) told['aborted, maybe sent']++
      else {
        told['aborted, not sent']++
        notSent.push(callbackUrl)
      }
    }
  }
  await sleep(300) // calls abandoned after sending finish in the background
  const log = new Set(sb.purchaseCallbackUrls)
  const reached = notSent.filter((u) => log.has(u)).length
  if (reached) violations.push(`abort lane: ${reached} purchases told "not sent" reached the sandbox`)
  if (slowest > ABORT_BOUND_MS) violations.push(`abort lane: an abort took ${slowest.toFixed(0)} ms to reject`)
  client.close()
  await sb.close()
  return { told, reached, slowest }
}

// A purchase whose answer is cut off: repeated with retryPurchaseAfterSend, never without.
async function optInLane(sb, violations) {
  const repeated = {}
  for (const optIn of [false, true]) {
    const client = new iovox.Client({ username: sb.username, secureKey: KEY, baseUrl: sb.url, timeoutMs: TIMEOUT_MS, retries: RETRIES, retryPurchaseAfterSend: optIn })
    const urls = Array.from({ length: 10 }, (_, i) => `http://campaign:hook@127.0.0.1:9/opt-in-${optIn}/${i}`)
    for (const callbackUrl of urls) {
      sb.inject('drop')
      try {
        await client.purchaseVoxNumbers({ items: [{ countryCode: 44, areaCode: 20, numberType: 'GEOGRAPHIC', quantity: 1 }], callbackUrl })
      } catch (e) {
        if (optIn || !(e instanceof iovox.ConnectionError && e.maybeSent)) violations.push(`opt-in lane (${optIn}): ${outcomeOf(e)}`)
      }
    }
    const log = sb.purchaseCallbackUrls
    repeated[optIn] = urls.filter((u) => log.filter((l) => l === u).length > 1).length
    client.close()
  }
  if (repeated.false) violations.push(`${repeated.false} purchases repeated without the opt-in`)
  if (repeated.true !== 10) violations.push(`with the opt-in, ${repeated.true} of 10 cut-off purchases were repeated`)
  return repeated
}
const arg = (name, dflt) => {
  const i = process.argv.indexOf(name)
  return i > 0 ? Number(process.argv[i + 1]) : dflt
}

// Nodes, links, categories, sound files and call reads under the same faults: a create or a
// delete is never repeated once it may have arrived (the sandbox's count of requests per
// method equals the calls made); every node, link, category and sound file (with the audio
// sent, as bytes) a call reported made is in the account once, every link reported deleted
// is gone; getCallData, safe to repeat, gives every call simulated so far.
async function setupLane(sb, r, calls, violations) {
  const client = new iovox.Client({ username: sb.username, secureKey: KEY, baseUrl: sb.url, timeoutMs: TIMEOUT_MS, connectTimeoutMs: TIMEOUT_MS, retries: RETRIES, maxResponseBytes: MAX_BODY })
  const number = sb.state.voxnumbers[0].full_voxnumber
  const names = Object.keys(FAULTS)
  const total = names.reduce((s, k) => s + FAULTS[k][0], 0)
  const sent = {}
  const outcomes = {}
  const nodes = []
  const links = []
  const gone = []
  const categories = []
  const sounds = new Map()
  const contacts = []
  const flows = []
  const blocked = []
  const times = []
  const configurations = []
  let simulated = 0
  let linksMade = 0
  for (let call = 0; call < calls; call++) {
    let x = r() * total
    const fault = names.find((k) => (x -= FAULTS[k][0]) < 0) || 'none'
    let kind = ['createNodes', 'createLinks', 'deleteLinks', 'getCallData', 'createCategories', 'createSoundFiles', 'initiateCall', 'createContacts', 'attachRuleTemplateToLinks', 'createCallFlow', 'createBlockedNumbers', 'createTimeTemplates', 'createCategoryConfigurations'][Math.floor(r() * 13)]
    if ((kind === 'createLinks' && !nodes.length) || (kind === 'deleteLinks' && !links.length)) kind = 'createNodes'
    let made
    let run
    if (kind === 'createNodes') {
      made = `js-node-${call}`
      run = () => client.createNodes({ nodes: [{ nodeId: made, nodeName: 'Campaign', nodeType: 'Test' }] })
    } else if (kind === 'createLinks') {
      made = `js-link-${call}`
      const nodeId = nodes[Math.floor(r() * nodes.length)]
      run = () => client.createLinks({ links: [{ nodeId, linkId: made, linkName: made, linkType: 'Web' }] })
    } else if (kind === 'deleteLinks') {
      made = links.splice(Math.floor(r() * links.length), 1)[0]
      run = () => client.deleteLinks({ linkIds: [made] })
    } else if (kind === 'createCategories') {
      // At the top of the label, or under a category made before.
      made = `js-cat-${call}`
      const category = { categoryId: made, label: 'Campaign', value: made }
      if (categories.length && r() < 0.5) category.parentCategoryId = categories[Math.floor(r() * categories.length)]
      run = () => client.createCategories({ categories: [category] })
    } else if (kind === 'createSoundFiles') {
      // Audio of every byte value, as a Buffer.
      made = `js-sound-${call}`
      const first = Math.floor(r() * 256)
      const audio = Buffer.from(Array.from({ length: 1 + Math.floor(r() * 2047) }, (_, i) => (first + i) % 256))
      sounds.set(made, audio)
      run = () => client.createSoundFiles({ soundFiles: [{ soundLabel: made, soundFile: audio }] })
    } else if (kind === 'createTimeTemplates') {
      made = `js-times-${call}`
      run = () => client.createTimeTemplates([{ label: made, timeFrames: [{ recurrence: 'NONE', days: ['MON'] }] }])
    } else if (kind === 'createCategoryConfigurations') {
      made = `js-config-${call}`
      run = () => client.createCategoryConfigurations([{ categoryId: made, label: made }])
    } else if (kind === 'createBlockedNumbers') {
      made = `4420${String(call).padStart(8, '0')}`
      run = () => client.createBlockedNumbers([{ number: made, inOrOut: 'IN', operator: 'EQUALS', default: 'BLOCK' }])
    } else if (kind === 'createCallFlow') {
      made = `js-flow-${call}`
      run = () => client.createCallFlow({ name: made, rules: [{ element: 'call', id: 'c1', label: 'Call' }] })
    } else if (kind === 'attachRuleTemplateToLinks') {
      const first = sb.state.links[0]
      made = typeof first === 'string' ? first : first.link_id
      run = () => client.attachRuleTemplateToLinks({ templateName: 'Forward', overwriteExisting: true, linkIds: [made] })
    } else if (kind === 'createContacts') {
      made = `js-contact-${call}`
      run = () => client.createContacts({ contacts: [{ contactId: made, displayName: made }] })
    } else if (kind === 'initiateCall') {
      const first = sb.state.links[0]
      made = typeof first === 'string' ? first : first.link_id
      run = () => client.initiateCall({ linkId: made, callVariables: { call_destination: `4479${String(call).padStart(6, '0')}` } })
    } else {
      sb.simulateCall({ voxnumber: number, caller: `4479${String(call).padStart(6, '0')}`, start: '2020-11-05 10:00:00' })
      simulated++
      run = () => client.getCallData({ sdt: '2020-11-01', edt: '2020-11-30', limit: 20000 })
    }
    sent[kind] = (sent[kind] || 0) + 1
    if (fault !== 'none') sb.inject(fault)
    const t0 = performance.now()
    let outcome = 'ok'
    let answer
    try {
      answer = await run()
    } catch (e) {
      outcome = outcomeOf(e)
    }
    outcomes[outcome] = (outcomes[outcome] || 0) + 1
    const elapsed = performance.now() - t0
    if (elapsed > DEADLINE_MS) violations.push(`setup call ${call} (${kind}): ${outcome} after ${elapsed.toFixed(0)} ms`)
    if (outcome.startsWith('untyped')) violations.push(`setup call ${call} (${kind}) ended in ${outcome}`)
    if (outcome !== 'ok') {
      if (kind === 'createSoundFiles') sounds.delete(made)
      continue
    }
    if (kind === 'createNodes') nodes.push(made)
    else if (kind === 'createLinks') {
      links.push(made)
      linksMade++
    } else if (kind === 'deleteLinks') gone.push(made)
    else if (kind === 'createCategories') categories.push(made)
    else if (kind === 'createSoundFiles') continue // kept in `sounds`, checked at the end
    else if (kind === 'initiateCall' || kind === 'attachRuleTemplateToLinks') continue // counted by the sandbox, checked at the end
    else if (kind === 'createContacts') contacts.push(made)
    else if (kind === 'createCallFlow') flows.push(made)
    else if (kind === 'createBlockedNumbers') blocked.push(made)
    else if (kind === 'createTimeTemplates') times.push(made)
    else if (kind === 'createCategoryConfigurations') configurations.push(made)
    else if (answer.results.length !== simulated) violations.push(`setup call ${call}: getCallData gave ${answer.results.length} calls of ${simulated}`)
  }
  client.close()
  for (const method of ['createNodes', 'createLinks', 'deleteLinks', 'createCategories', 'createSoundFiles', 'initiateCall', 'createContacts', 'attachRuleTemplateToLinks', 'createCallFlow', 'createBlockedNumbers', 'createTimeTemplates', 'createCategoryConfigurations']) {
    const received = sb.requestsFor(method)
    if (received !== (sent[method] || 0)) violations.push(`${sent[method] || 0} ${method} calls reached the sandbox as ${received} requests`)
  }
  const state = sb.state
  const haveNodes = new Set((state.nodes || []).map((n) => n.node_id))
  const haveLinks = new Set(state.links.map((l) => l.link_id))
  const haveCategories = (state.categories || []).map((c) => c.category_id)
  const lost = nodes
    .filter((n) => !haveNodes.has(n))
    .concat(links.filter((l) => !haveLinks.has(l)))
    .concat(categories.filter((c) => haveCategories.filter((h) => h === c).length !== 1))
    .concat(contacts.filter((c) => (state.contacts || []).filter((h) => h.contact_id === c).length !== 1))
    .concat(flows.filter((f) => (state.rule_templates || []).filter((t) => t.template_name === f).length !== 1))
    .concat(blocked.filter((b) => (state.blocked_numbers || []).filter((h) => h.number === b).length !== 1))
    .concat(times.filter((t) => (state.time_templates || []).filter((h) => h.label === t).length !== 1))
    .concat(configurations.filter((c) => (state.category_configurations || []).filter((h) => h.category_id === c).length !== 1))
    .concat(
      [...sounds].filter(([label, audio]) => (state.sound_files || []).filter((s) => s.sound_label === label && Buffer.from(s.audio).equals(audio)).length !== 1).map(([label]) => label),
    )
  if (lost.length) violations.push(`made but not in the account: ${lost.slice(0, 5)}`)
  if (gone.some((l) => haveLinks.has(l))) violations.push('a link reported deleted is still in the account')
  return { sent, outcomes, nodes: nodes.length, links: linksMade, gone: gone.length, simulated }
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
  const threadsBefore = threads()
  let ordersChecked = 0
  let restocked = 0
  const faults = {}
  const outcomes = {}
  const violations = []
  const seen = new Set()
  let worst = 0
  const started = Date.now()
  const sb = await Sandbox.start({ secureKey: KEY })
  const client = new iovox.Client({
    username: sb.username, secureKey: KEY, baseUrl: sb.url,
    timeoutMs: TIMEOUT_MS, connectTimeoutMs: TIMEOUT_MS, retries: RETRIES, maxResponseBytes: MAX_BODY,
  })
  const start = sb.state
  const names = Object.keys(FAULTS)
  const total = names.reduce((s, k) => s + FAULTS[k][0], 0)
  for (let call = 0; call < calls; call++) {
    if (call % 20 === 19) {
      const [countryCode, areaCode] = pick(REGIONS)
      const count = int(1, 6)
      sb.restock({ count, countryCode, areaCode })
      restocked += count * start.regions.filter((x) => x.country_code === countryCode && x.area_code === areaCode).length
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
      const request = { items, callbackUrl: `http://campaign:hook@127.0.0.1:9/callback?call=${call}`, dynamicQuantity: r() < 0.5 }
      run = async () => {
        const order = await client.purchaseVoxNumbers(request)
        ordersChecked++
        for (const p of checkOrder(order, request)) violations.push(`call ${call}: ${p}`)
        return order
      }
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
  // The books from the account as listed, and what the campaign itself restocked.
  const end = sb.state
  const startNumbers = numbersOf(start)
  const sold = [...numbersOf(end)].filter((n) => !startNumbers.has(n))
  const soldSet = new Set(sold)
  if (stockOf(end) + sold.length !== stockOf(start) + restocked) {
    violations.push(`books: stock ${stockOf(start)} + restocked ${restocked} != stock ${stockOf(end)} + sold ${sold.length}`)
  }
  const missing = [...seen].filter((n) => !soldSet.has(n)).length
  if (missing) violations.push(`${missing} numbers given to the client are not in the account`)
  const setup = await setupLane(sb, r, Math.floor(calls / 3), violations)
  const repeated = await optInLane(sb, violations)
  client.close()
  await sb.close()
  const aborts = await abortLane(r, violations)

  let bad = 0
  let rejected = 0
  let other = 0
  for (let i = 0; i < 40; i++) {
    const cut = int(0, CALLBACK.length - 1)
    const flipped = Buffer.from(CALLBACK)
    flipped[int(0, flipped.length - 1)] ^= 1 << int(0, 7)
    // Each variant with whether it must be refused: only a flipped bit may leave a body
    // that still parses (a digit for a digit).
    for (const [name, body, mustRefuse] of [['truncated', CALLBACK.slice(0, cut), true], ['bit-flipped', flipped, false],
      ['unclosed', CALLBACK.replace('</order>', ''), true], ['unknown status', CALLBACK.replace('FULFILLED', 'SHIPPED'), true],
      ['non-digit number', CALLBACK.replace('441512100200', '44151210020x'), true], ['20,000 nested', '<order>'.repeat(20000), true],
      ['not UTF-8', Buffer.from([0xff, 0xfe, 0]), true], ['empty', '', true], ['two roots', CALLBACK + '<x/>', true]]) {
      bad++
      try {
        iovox.parseCallback(body)
        if (mustRefuse) violations.push(`a malformed callback (${name}) parsed`)
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
  // tokio's blocking pool lets an idle thread go after 10 s: wait that long for the count
  // to come back before calling a thread left over.
  let threadsAfter = threads()
  for (let i = 0; i < 130 && threadsAfter > threadsBefore; i++) {
    await sleep(100)
    threadsAfter = threads()
  }
  if (fdsAfter > fdsBefore) violations.push(`fds ${fdsBefore} -> ${fdsAfter}`)
  if (threadsAfter > threadsBefore) violations.push(`threads ${threadsBefore} -> ${threadsAfter}`)

  const list = (o) => Object.entries(o).sort().map(([k, v]) => `${k} ${v}`).join(', ')
  console.log(`fault campaign (Node package), seed ${seed}: ${calls} calls in ${wall.toFixed(1)} s`)
  console.log(`  faults injected: ${list(faults)}`)
  console.log(`  outcomes: ${list(outcomes)}`)
  console.log(`  slowest call: ${(worst * 100).toFixed(0)}% of its deadline (${DEADLINE_MS} ms: ${RETRIES + 1} attempts x ${TIMEOUT_MS} ms + waits + 1 s)`)
  console.log(`  orders compared with their requests: ${ordersChecked}`)
  console.log(`  purchases that reached the sandbox twice: ${stats.repeatedPurchases}; cut-off purchases repeated: ${repeated.false} of 10 without the opt-in, ${repeated.true} of 10 with it`)
  console.log(`  numbers (from the account as listed): stock ${stockOf(start)} + restocked ${restocked} = stock ${stockOf(end)} + sold ${sold.length}; ${seen.size} reached the client, all in the account`)
  console.log(`  setup lane: ${list(setup.sent)} (each reached the sandbox once); ${setup.nodes} nodes and ${setup.links} links made, ${setup.gone} deleted, all as reported; getCallData saw all ${setup.simulated} simulated calls`)
  console.log(`    outcomes: ${list(setup.outcomes)}`)
  console.log(`  abort lane: 150 purchases: ${list(aborts.told)}; told "not sent" yet reached the sandbox: ${aborts.reached}; slowest abort ${aborts.slowest.toFixed(0)} ms (bound ${ABORT_BOUND_MS} ms)`)
  console.log(`  malformed callbacks: ${bad} tried, ${rejected} DecodeError, ${bad - rejected - other} parsed, ${other} other`)
  console.log(`  file descriptors: ${fdsBefore} before, ${fdsAfter} after; threads: ${threadsBefore} before, ${threadsAfter} after`)
  console.log(`  violations: ${violations.length || 'none'}`)
  for (const v of violations.slice(0, 20)) console.log(`    ${v}`)
  process.exitCode = violations.length ? 1 : 0
}

main().catch((e) => {
  console.error(e)
  process.exitCode = 1
})
