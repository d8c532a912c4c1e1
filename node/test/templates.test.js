'use strict'
// Rule and SMS templates from Node: listed, attached with their variable rules' values,
// read back with a link's values, taken off; the SMS remove's page rules checked first.
const test = require('node:test')
const assert = require('node:assert/strict')
const iovox = require('..')
const { Sandbox } = require('iovox-sandbox')
const { KEY } = require('./helpers')

test('templates go on and off links', async () => {
  const sb = await Sandbox.start({ secureKey: KEY })
  const client = new iovox.Client({ username: sb.username, secureKey: KEY, baseUrl: sb.url, retries: 0 })
  try {
    const names = (await client.getRuleTemplates({ order: 'tna_ASC' })).results.map((t) => t.templateName)
    assert.deepEqual(names, ['Call Whisper Both', 'Forward'])
    await client.attachRuleTemplateToLinks({
      templateName: 'Forward', overwriteExisting: true, linkIds: ['333'],
      rulesVariable: [{ ruleId: '1', ruleType: 'call', contact: { phoneNumber: '442071234000' } }],
    })
    const rules = await client.getVariableRulesOfTemplate({ templateName: 'Forward', linkId: '333' })
    // A tree answered keeps IOVOX's names, as getNodeDetails' does (decision 40).
    assert.deepEqual(rules.rules[0].contact, { phone_number: '442071234000' })
    await client.removeRuleTemplateFromLinks({ linkIds: ['333'] })
    await client.attachSMSTemplateToLinks({ templateName: 'SMS', overwriteExisting: true, linkIds: ['333'] })
    assert.equal(sb.state.links.find((l) => l.link_id === '333').sms_template_name, 'SMS')
    const before = sb.stats.requests
    await assert.rejects(client.removeSMSTemplateFromLinks({ linkIds: ['333', '333'] }), (e) => e instanceof iovox.ValidationError && e.messages[0] === 'Duplicate Link ID Received')
    assert.equal(sb.stats.requests, before)
    await client.removeSMSTemplateFromLinks({ linkIds: ['333'] })
    assert.equal(sb.state.links.find((l) => l.link_id === '333').sms_template_name, undefined)
  } finally {
    client.close()
    await sb.close()
  }
})

test('call flows: rules as mappings both ways, attribute names as IOVOX writes them', async () => {
  const sb = await Sandbox.start({ secureKey: KEY })
  const client = new iovox.Client({ username: sb.username, secureKey: KEY, baseUrl: sb.url, retries: 0 })
  try {
    const rules = [{ element: 'call', id: 'call_1', label: 'Call', destinationPhoneNumber: '?', sendCallAlert: 'NONE' }]
    await client.createCallFlow({ name: 'Agent', rules })
    assert.deepEqual((await client.getCallFlow({ callFlow: 'Agent' })).rules, rules)
    assert.deepEqual((await client.getCallFlows()).results.map((f) => f.templateName), ['Agent'])
    await assert.rejects(client.createCallFlow({ name: 'X', rules: [{ element: 'call' }] }), (e) => e instanceof iovox.ValidationError && e.messages.join() === 'Rule ID Empty,Rule Label Empty')
    await client.deleteCallFlows({ callFlows: ['Agent'] })
    await assert.rejects(client.getCallFlow({ callFlow: 'Agent' }), (e) => e instanceof iovox.ApiError && e.messages[0] === "Call Flow Doesn't exist")
  } finally {
    client.close()
    await sb.close()
  }
})

test('blocked numbers go in and out, their rules a tree', async () => {
  const sb = await Sandbox.start({ secureKey: KEY })
  const client = new iovox.Client({ username: sb.username, secureKey: KEY, baseUrl: sb.url, retries: 0 })
  try {
    await client.createBlockedNumbers([{ number: '33', inOrOut: 'OUT', operator: 'STARTSWITH', default: 'BLOCK', rules: [{ linkIds: ['333'], blockingType: 'ALLOW' }] }])
    const page = await client.getBlockedNumbers({ reqFields: ['no', 'rules'] })
    assert.deepEqual(page.results, [{ number: '33', default: 'BLOCK', rules: [{ link_ids: ['333'], blocking_type: 'ALLOW' }] }])
    await assert.rejects(client.getBlockedNumbers({ operator: 'CONTAINS' }), (e) => e instanceof iovox.ValidationError && e.messages[0] === 'Operator Invalid')
    await client.deleteBlockedNumbers({ blockedNumbers: ['33;OUT;STARTSWITH'] })
    assert.deepEqual((await client.getBlockedNumbers()).results, [])
  } finally {
    client.close()
    await sb.close()
  }
})

test('time templates go in and out', async () => {
  const sb = await Sandbox.start({ secureKey: KEY })
  const client = new iovox.Client({ username: sb.username, secureKey: KEY, baseUrl: sb.url, retries: 0 })
  try {
    await client.createTimeTemplates([{ label: 'Xmas', timeFrames: [{ recurrence: 'YEARLY', days: ['MON'] }] }])
    const page = await client.getTimeTemplates()
    assert.deepEqual(page.results[0].time_frames, [{ recurrence: 'YEARLY', days: ['MON'] }])
    await client.deleteTimeTemplates({ timeTemplateLabels: ['Xmas'], force: true })
    assert.deepEqual((await client.getTimeTemplates()).results, [])
  } finally {
    client.close()
    await sb.close()
  }
})
