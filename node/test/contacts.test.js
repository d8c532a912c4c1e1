'use strict'
// Contacts from Node: names with digits are camelCase both ways (email2, workAddress1), as
// the types say; made, found, changed and removed against the sandbox.
const test = require('node:test')
const assert = require('node:assert/strict')
const iovox = require('..')
const { Sandbox } = require('iovox-sandbox')
const { KEY } = require('./helpers')

test('contacts: camelCase names with digits both ways; made, found, changed, removed', async () => {
  const sb = await Sandbox.start({ secureKey: KEY })
  const client = new iovox.Client({ username: sb.username, secureKey: KEY, baseUrl: sb.url, retries: 0 })
  try {
    await client.createContacts({ contacts: [{ contactId: 'Jo', firstName: 'Jo', email2: 'jo@example.com', workAddress1: '153 Westbourne Grove' }] })
    const [jo] = (await client.getContactDetails({ contactId: 'Jo' })).results
    assert.equal(jo.email2, 'jo@example.com')
    assert.equal(jo.workAddress1, '153 Westbourne Grove')
    await client.updateContacts({ contacts: [{ contactId: 'Jo', homeAddress2: 'Flat 2' }], replaceDetails: false })
    const [again] = (await client.getContactDetails({ contactId: 'Jo' })).results
    assert.deepEqual([again.firstName, again.homeAddress2], ['Jo', 'Flat 2'])
    const before = sb.stats.requests
    await assert.rejects(client.deleteContacts({ contactIds: [] }), (e) => e instanceof iovox.ValidationError && e.messages[0] === 'Contact IDs Empty')
    await assert.rejects(client.createContacts({ contacts: [{ contactId: 'X', email3: 'x' }] }), (e) => e instanceof TypeError && /email3/.test(e.message))
    assert.equal(sb.stats.requests, before)
    await client.deleteContacts({ contactIds: ['Jo'] })
    assert.deepEqual((await client.getContacts()).results, [])
  } finally {
    client.close()
    await sb.close()
  }
})
