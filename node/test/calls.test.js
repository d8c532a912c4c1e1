'use strict'
// Calls, offline: the sandbox's simulateCall, getCallData's filters and pages counted
// against the calls the test made, recordings as Buffers; nodes and links by name.
const test = require('node:test')
const assert = require('node:assert/strict')
const fs = require('node:fs')
const os = require('node:os')
const path = require('node:path')
const iovox = require('..')
const { Sandbox } = require('iovox-sandbox')
const { KEY } = require('./helpers')

const NOVEMBER = { sdt: '2020-11-01', edt: '2020-11-30' }

async function withSandbox(run) {
  const sb = await Sandbox.start({ secureKey: KEY })
  const client = new iovox.Client({ username: sb.username, secureKey: KEY, baseUrl: sb.url, retries: 0 })
  try {
    await run(sb, client)
  } finally {
    client.close()
    await sb.close()
  }
}

function simulate(sb, count) {
  const numbers = sb.state.voxnumbers.map((n) => [n.full_voxnumber, n.link_id ?? null])
  return Array.from({ length: count }, (_, i) => {
    const [voxnumber, link] = numbers[i % numbers.length]
    const call = {
      voxnumber,
      caller: `4479661${String(i).padStart(5, '0')}`,
      start: `2020-11-${String(1 + (i % 28)).padStart(2, '0')} ${String(i % 24).padStart(2, '0')}:00:00`,
      durationSec: 30 + i,
      answered: i % 3 !== 0,
      recording: i % 5 === 0,
    }
    return { ...call, id: sb.simulateCall(call), link }
  })
}

test('50 simulated calls read back by every filter, page after page', async () => {
  await withSandbox(async (sb, client) => {
    const made = simulate(sb, 50)
    const walked = []
    for await (const c of client.iterCallData({ ...NOVEMBER, limit: 7 })) walked.push(c)
    assert.deepEqual(walked.map((c) => c.id).sort(), made.map((m) => m.id).sort())
    const missed = (await client.getCallData({ ...NOVEMBER, callRes: 'MISSED' })).results
    assert.deepEqual(missed.map((c) => c.id).sort(), made.filter((m) => !m.answered).map((m) => m.id).sort())
    const number = made[1].voxnumber
    assert.equal((await client.getCallData({ ...NOVEMBER, voxnumber: number })).results.length, made.filter((m) => m.voxnumber === number).length)
    const link = made.find((m) => m.link).link
    assert.equal((await client.getCallData({ ...NOVEMBER, linkId: link })).results.length, made.filter((m) => m.link === link).length)
    assert.deepEqual((await client.getCallData()).results, [], 'the default window is this month')
    const [one] = (await client.getCallData({ ...NOVEMBER, reqFields: ['id', 'cts'], limit: 1 })).results
    assert.equal(typeof one.callTimeSec, 'number')
    assert.equal(one.voxnumber, undefined)
  })
})

test('a recording is a Buffer of MP3 frames; a call without one is an ApiError', async () => {
  await withSandbox(async (sb, client) => {
    const made = simulate(sb, 6)
    const audio = await client.getCallRecording({ id: made.find((m) => m.recording).id })
    assert.ok(Buffer.isBuffer(audio) && audio[0] === 0xff && audio[1] === 0xfb && audio.length > 10000)
    // The helper writes it whole, refuses empty audio, and names the path it could not write.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iovox-rec-'))
    try {
      assert.equal(iovox.saveRecording(audio, path.join(dir, 'call.mp3')), audio.length)
      assert.deepEqual(fs.readFileSync(path.join(dir, 'call.mp3')), audio)
      assert.equal(iovox.saveRecording(new Uint8Array(audio.subarray(0, 100)), path.join(dir, 'call.mp3')), 100)
      assert.throws(() => iovox.saveRecording(Buffer.alloc(0), path.join(dir, 'call.mp3')), /empty/)
      assert.throws(() => iovox.saveRecording(audio, path.join(dir, 'no', 'call.mp3')), /could not save the recording to .*no/)
      assert.throws(() => iovox.saveRecording('audio', path.join(dir, 'x.mp3')), TypeError)
      assert.deepEqual(fs.readdirSync(dir), ['call.mp3'])
      assert.equal(fs.readFileSync(path.join(dir, 'call.mp3')).length, 100)
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
    await assert.rejects(client.getCallRecording({ id: made.find((m) => !m.recording).id }), (e) => e instanceof iovox.ApiError && /has no recording/.test(e.message))
    assert.throws(() => sb.simulateCall({ voxnumber: '449999999999', caller: '447966111222' }), RangeError)
  })
})

test('nodes and links are made, attached, and removed by name', async () => {
  await withSandbox(async (sb, client) => {
    await client.createNodes({ nodes: [{ nodeId: 'P1', nodeName: 'Property', nodeType: 'Property' }] })
    await client.createLinks({ links: [{ nodeId: 'P1', linkId: 'P1-web', linkName: 'Web', linkType: 'Web', clickToCall: true }] })
    await assert.rejects(client.createNodes({ nodes: [{ nodeId: 'P1', nodeName: 'Again', nodeType: 'Property' }] }), (e) => {
      assert.deepEqual(e.messages, ['Node ID 1 of 1 already exists'])
      return e instanceof iovox.ApiError
    })
    assert.deepEqual((await client.getNodes({ nodeId: 'P1' })).results.map((n) => n.linkId), ['P1-web'])
    const before = sb.stats.requests
    await assert.rejects(client.deleteNodes({ nodeIds: 'P1' }), TypeError)
    await assert.rejects(client.deleteNodes({ nodeIds: ['P1', 'a,b'] }), iovox.ValidationError)
    assert.equal(sb.stats.requests, before, 'nothing sent')
    await client.deleteNodes({ nodeIds: ['P1'] })
    assert.deepEqual((await client.getLinks({ linkId: 'P1-web' })).results, [])
  })
})

test('a whole node in one call (createNodeFull) and in depth (getNodeDetails)', async () => {
  await withSandbox(async (sb, client) => {
    const free = sb.state.voxnumbers.filter((n) => !n.link_id).map((n) => n.full_voxnumber)
    const made = await client.createNodeFull({
      nodeId: 'Westbourne',
      nodeName: 'Westbourne Apartments',
      nodeType: 'Property',
      links: [
        {
          linkId: 'W-web',
          linkName: 'Website',
          linkType: 'Web',
          assignVoxnumber: { method: 'BY VOXNUMBER', fullVoxnumber: free[0] },
          categories: [{ categoryId: 'Campaign', value: 'Spring' }],
          rulesVariable: [{ ruleId: 'call', callerMessage: ['Greetings|Welcome'] }],
        },
      ],
    })
    assert.deepEqual(made, { node_id: 'Westbourne', links: [{ link_id: 'W-web' }] })
    const node = await client.getNodeDetails({ nodeId: 'Westbourne', returnVoxnumber: 'true' })
    const [web] = node.links
    assert.equal(web.voxnumber, free[0])
    assert.deepEqual(web.cats, [{ category_id: 'Campaign', value: 'Spring' }])
    assert.deepEqual(web.rules[0].caller_message, ['Greetings|Welcome'])
    await assert.rejects(
      client.createNodeFull({ nodeId: ' ', nodeName: 'N', nodeType: 'T', links: [], nodeDate: '06/12/2026' }),
      (e) => e instanceof iovox.ValidationError && e.messages.join('|') === 'Node ID 1 of 1 Empty|Node Date 1 of 1 Invalid',
    )
    await assert.rejects(
      client.createNodeFull({ nodeId: 'X', nodeName: 'N', nodeType: 'T', links: [{ linkId: 'L', linkNam: 'x' }] }),
      (e) => e instanceof TypeError && e.message.includes("did you mean 'linkName'"),
    )
    await assert.rejects(
      client.createNodeFull({ nodeId: 'Westbourne', nodeName: 'Again', nodeType: 'Property', links: [] }),
      (e) => e instanceof iovox.ApiError && e.messages[0] === 'Node ID 1 of 1 already exists',
    )
  })
})

test('initiateCall is recorded, not rung, and never placed twice; variable names are sent as written', async () => {
  await withSandbox(async (sb, client) => {
    await client.initiateCall({ linkId: '333', callVariables: { call_destination: '449789123123,1', delay: 30, customerName: 'Bob' } })
    const [placed] = sb.state.initiated_calls
    assert.equal(placed.link_id, '333')
    assert.deepEqual(placed.call_variables, [['call_destination', '449789123123,1'], ['customerName', 'Bob'], ['delay', '30']])
    const before = sb.stats.requests
    await assert.rejects(client.initiateCall({ linkId: '333', callVariables: { 'my var': 'x', ok: ['a'] } }), (e) => {
      assert.ok(e instanceof iovox.ValidationError)
      assert.deepEqual(e.errors.map((x) => x.code), ['variable_name_invalid', 'variable_invalid'])
      return true
    })
    await assert.rejects(client.initiateCall({ linkId: '333', callVariables: ['call_destination'] }), (e) => {
      assert.ok(e instanceof TypeError)
      assert.equal(e.message, 'callVariables must be a mapping of names to values, not a list')
      return true
    })
    assert.equal(sb.stats.requests, before, 'nothing sent')
    sb.inject('drop')
    await assert.rejects(client.initiateCall({ linkId: '444' }), (e) => e instanceof iovox.ConnectionError && e.maybeSent)
    assert.equal(sb.requestsFor('initiateCall'), 2)
    assert.equal(sb.state.initiated_calls.length, 2)
  })
})
