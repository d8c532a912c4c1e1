'use strict'
// Sound files from Node: audio is bytes (a Buffer, any Uint8Array) on the way in and a
// Buffer on the way out, never text; every rule the request alone shows is refused before
// sending, the account's with IOVOX's words; the same from a worker thread.
const test = require('node:test')
const assert = require('node:assert/strict')
const { Worker } = require('node:worker_threads')
const iovox = require('..')
const { Sandbox } = require('iovox-sandbox')
const { KEY } = require('./helpers')

// Every byte value: audio is not text.
const AUDIO = Buffer.from(Array.from({ length: 256 * 300 }, (_, i) => i % 256))

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

test('audio goes up as bytes and comes back byte for byte', async () => {
  await withSandbox(async (sb, client) => {
    const view = new Uint8Array([0x49, 0x44, 0x33, 0x04]).subarray(1)
    await client.createSoundFiles([
      { soundLabel: 'Welcome', soundGroup: 'Greetings', soundFile: AUDIO, notes: 'Spring' },
      { soundLabel: 'Hold', soundFile: new Uint8Array([0, 255, 13, 10]) },
      { soundLabel: 'Menu', soundFile: view },
    ])
    const page = await client.getSoundFiles()
    assert.deepEqual(
      page.results.map((f) => [f.soundLabel, f.soundGroup, f.contentLength]),
      [['Welcome', 'Greetings', AUDIO.length], ['Hold', undefined, 4], ['Menu', undefined, 3]],
    )
    const got = await client.getSoundFileData({ soundLabel: 'Welcome', soundGroup: 'Greetings' })
    assert.ok(Buffer.isBuffer(got))
    assert.ok(got.equals(AUDIO))
    assert.deepEqual([...(await client.getSoundFileData({ soundLabel: 'Hold' }))], [0, 255, 13, 10])
    assert.deepEqual([...(await client.getSoundFileData({ soundLabel: 'Menu' }))], [0x44, 0x33, 0x04])

    await client.updateSoundFiles([{ soundLabel: 'Hold', newSoundLabel: 'Wait', soundFile: Buffer.from('new') }])
    assert.equal((await client.getSoundFileData({ soundLabel: 'Wait' })).toString(), 'new')
    await assert.rejects(client.updateSoundFiles([{ soundLabel: 'Hold' }, { soundLabel: 'Menu', newSoundLabel: 'Wait' }]), (e) => {
      assert.ok(e instanceof iovox.ApiError)
      assert.deepEqual(e.messages, ['Sound File 1 of 2 Does not exist', 'Sound Label 2 of 2 already exists in Sound Group'])
      return true
    })
    await client.deleteSoundFiles(['Welcome;Greetings', 'Wait'])
    const left = []
    for await (const f of client.iterSoundFiles()) left.push(f.soundLabel)
    assert.deepEqual(left, ['Menu'])
  })
})

test('text is never taken as audio, nor bytes as text; nothing is sent', async () => {
  await withSandbox(async (sb, client) => {
    const before = sb.stats.requests
    await assert.rejects(
      client.createSoundFiles([
        { soundLabel: 'A', soundFile: 'SUQzBA==' },
        { soundLabel: 'B', soundFile: Buffer.from('x'), notes: Buffer.from('not text') },
        { soundLabel: ' ', soundFile: Buffer.alloc(0) },
        { soundLabel: 'C', soundFile: [1, 2, 3] },
      ]),
      (e) => {
        assert.ok(e instanceof iovox.ValidationError)
        assert.deepEqual(
          e.errors.map((x) => [x.code, x.field, x.message]),
          [
            ['not_bytes', 'soundFile', 'Sound File 1 of 4 must be bytes'],
            ['not_text', 'notes', 'Notes 2 of 4 must be text, not bytes'],
            ['empty', 'soundLabel', 'Sound Label 3 of 4 Empty'],
            ['empty', 'soundFile', 'Sound File 3 of 4 Empty'],
            ['not_bytes', 'soundFile', 'Sound File 4 of 4 must be bytes'],
          ],
        )
        return true
      },
    )
    await assert.rejects(
      client.createSoundFiles([{ soundLabel: 'A', soundFile: Buffer.from('1') }, { soundLabel: 'A ', soundFile: Buffer.from('2') }]),
      /Duplicate Sound File Received/,
    )
    await assert.rejects(client.getSoundFileData({ soundLabel: Buffer.from('A') }), (e) => {
      assert.ok(e instanceof TypeError)
      assert.equal(e.message, 'soundLabel must be a text, a number or a list, not bytes')
      return true
    })
    assert.equal(sb.stats.requests, before, 'nothing sent')
  })
})

test('a worker thread uploads and fetches audio with its own client', async () => {
  await withSandbox(async (sb) => {
    const code = `
      const { parentPort, workerData } = require('node:worker_threads')
      const iovox = require(workerData.module)
      const client = new iovox.Client({ username: workerData.username, secureKey: workerData.key, baseUrl: workerData.url, retries: 0 })
      ;(async () => {
        await client.createSoundFiles([{ soundLabel: 'FromWorker', soundFile: new Uint8Array(workerData.audio) }])
        const got = await client.getSoundFileData({ soundLabel: 'FromWorker' })
        client.close()
        parentPort.postMessage(got.equals(Buffer.from(workerData.audio)))
      })().catch((e) => parentPort.postMessage(String(e)))
    `
    const worker = new Worker(code, {
      eval: true,
      workerData: { module: require.resolve('..'), username: sb.username, key: KEY, url: sb.url, audio: [...AUDIO.subarray(0, 1000)] },
    })
    const [answer] = await Promise.all([new Promise((resolve) => worker.once('message', resolve)), new Promise((resolve) => worker.once('exit', resolve))])
    assert.equal(answer, true)
  })
})
