// Buy two numbers in Liverpool and attach one to a link, offline against the sandbox.
const { Client } = require('iovox')
const { Sandbox } = require('iovox-sandbox')

async function main() {
  const sandbox = await Sandbox.start() // IOVOX itself: new Client() reads IOVOX_USERNAME, IOVOX_SECURE_KEY
  const client = new Client({ username: sandbox.username, secureKey: sandbox.secureKey, baseUrl: sandbox.url })
  const item = { countryCode: 44, areaCode: 151, numberType: 'GEOGRAPHIC', quantity: 2 }
  const order = await client.purchaseVoxNumbers({ items: [item] })
  console.log(order.orderReference, order.orderStatus)
  const number = order.voxnumbers[0].fullVoxnumber
  await client.attachVoxnumberToLink({ links: [{ linkId: '333', method: 'BY VOXNUMBER', fullVoxnumber: number }] })
  console.log(`attached +${number} to link 333`)
  await sandbox.close()
}
main().catch((e) => { console.error(e); process.exitCode = 1 })
