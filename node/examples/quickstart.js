// Node quick start: buy two numbers in Liverpool, attach one to a link.
// Runs offline against the sandbox; for IOVOX itself use `new Client({ username, secureKey })`
// or set IOVOX_USERNAME and IOVOX_SECURE_KEY.
const { Client, ValidationError } = require('iovox')
const { Sandbox } = require('iovox-sandbox')

async function main() {
  const sandbox = await Sandbox.start()
  const client = new Client({ username: sandbox.username, secureKey: sandbox.secureKey, baseUrl: sandbox.url })

  const order = await client.purchaseVoxNumbers({
    items: [{ countryCode: 44, areaCode: 151, numberType: 'GEOGRAPHIC', quantity: 2 }],
  })
  console.log(order.orderReference, order.orderStatus)

  const number = order.voxnumbers[0].fullVoxnumber
  await client.attachVoxnumberToLink([{ linkId: '333', method: 'BY VOXNUMBER', fullVoxnumber: number }])
  console.log(`attached +${number} to link 333`)

  // Mistakes are caught before anything is sent, in IOVOX's own words.
  try {
    await client.purchaseVoxNumbers({ items: [{ countryCode: 44, numberType: 'GEOGRAPHIC', quantity: 0 }] })
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e
    for (const error of e.errors) console.log(error.message) // "Area Code 1 of 1 Empty", "Quantity must be between 1 and 250"
  }
  await sandbox.close()
}

main().catch((e) => {
  console.error(e)
  process.exitCode = 1
})
