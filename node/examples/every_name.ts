// Uses every public name of the package, so that `tsc --strict --noEmit` checks the types
// the way a user's code meets them. Compiled by the tests.
import {
  AbortError,
  ApiError,
  CallbackError,
  Client,
  ConfigError,
  ConnectionError,
  DecodeError,
  IovoxError,
  PRODUCTION_URL,
  SANDBOX_URL,
  TimeoutError,
  ValidationError,
  attachRequestXml,
  mergeOrder,
  parseCallback,
  prepareRequest,
  purchaseRequestXml,
  receiveCallback,
  decodePage,
} from 'iovox'
import type {
  AccountLink,
  AccountVoxnumber,
  AdditionalInformation,
  AssignedStatus,
  CallStatus,
  DeleteVoxnumbersRequest,
  AccountLinkArguments,
  Page,
  RawRequest,
  RawResponse,
  VoxnumberRegionArguments,
  AccountVoxnumberArguments,
  VoxnumberRegion,
  VoxnumberType,
  CallOptions,
  ClientOptions,
  ErrorKind,
  IntegerLike,
  Link,
  LinkByArea,
  LinkByPostcode,
  LinkByVoxnumber,
  LinkMethod,
  NumberType,
  Order,
  OrderStatus,
  Position,
  PurchaseItem,
  PurchaseRequest,
  ValidationIssue,
  VoxNumber,
} from 'iovox'
import { Sandbox } from 'iovox-sandbox'
import type { Restock, SandboxCallback, SandboxOptions, SandboxStats } from 'iovox-sandbox'

function describe(e: IovoxError): string {
  const kind: ErrorKind = e.kind
  const parts: (string | number | null)[] = [kind, e.code, e.status, e.attempts, ...e.messages]
  if (e instanceof ValidationError) {
    for (const issue of e.errors) {
      const i: ValidationIssue = issue
      const p: Position | null = i.position
      parts.push(i.code, i.field, i.message, p ? `${p.index} of ${p.total}` : null)
    }
  } else if (e instanceof ApiError) {
    parts.push(e.status, String(e500(e)))
  } else if (e instanceof ConnectionError || e instanceof AbortError) {
    parts.push(String(e.maybeSent))
  } else if (e instanceof DecodeError) {
    parts.push(e.line, e.column)
  } else if (e instanceof TimeoutError || e instanceof ConfigError) {
    parts.push(e.name)
  }
  return parts.join(' ')
}

// `status` is a number on an ApiError, so this compiles under --strict.
function e500(e: ApiError): boolean {
  return e.status >= 500
}

async function main(): Promise<void> {
  const options: SandboxOptions = { responseDelayMs: 1 }
  const sandbox: Sandbox = await Sandbox.start(options)
  const clientOptions: ClientOptions = {
    username: sandbox.username,
    secureKey: sandbox.secureKey,
    baseUrl: sandbox.url,
    timeoutMs: 5000,
    retries: 1,
  }
  const client = new Client(clientOptions)
  const contact: AdditionalInformation = {
    firstname: 'A', lastname: 'B', company: 'C', street: 's', buildingNumber: 1, city: 'Paris', zipcode: '75001',
  }
  const quantity: IntegerLike = 1
  const numberType: NumberType = 'GEOGRAPHIC'
  const item: PurchaseItem = { countryCode: 33, areaCode: 1, numberType, quantity, additionalInformation: contact }
  const request: PurchaseRequest = { items: [item], ccList: ['a@example.com'] }
  const method: LinkMethod = 'BY AREA'
  const byArea: LinkByArea = { linkId: '101', method, voxnumberIdd: 44, areaCode: 20, fallbackCity: true }
  const byPostcode: LinkByPostcode = { linkId: '102', method: 'BY POSTCODE', voxnumberCountry: 'UNITED KINGDOM', postcode: 'L1 8JQ' }
  const links: Link[] = [byArea, byPostcode]
  console.log(purchaseRequestXml(request), attachRequestXml(links), PRODUCTION_URL, SANDBOX_URL)

  const callOptions: CallOptions = { signal: new AbortController().signal, timeoutMs: 5000 }
  const order: Order = await client.purchaseVoxNumbers(request, callOptions)
  // A typo such as 'FULFILLD' does not type-check: the status is one of two literals.
  const status: OrderStatus = order.orderStatus
  if (status === 'FULFILLED') console.log(status)
  const numbers: VoxNumber[] = order.voxnumbers
  const byVoxnumber: LinkByVoxnumber = { linkId: '103', method: 'BY VOXNUMBER', fullVoxnumber: numbers[0].fullVoxnumber }
  await client.attachVoxnumberToLink([...links, byVoxnumber])
  await client.removeVoxnumberFromLink(['103'], { timeoutMs: 5000 })
  try {
    await client.attachVoxnumberToLink([byVoxnumber])
  } catch (e) {
    if (e instanceof IovoxError) console.log(describe(e))
  }
  const regionFilters: VoxnumberRegionArguments = { countryCode: 44, numberType: 'GEOGRAPHIC' }
  const regions: Page<VoxnumberRegion> = await client.getVoxnumberRegions(regionFilters)
  const assigned: AssignedStatus = 'UNASSIGNED'
  const callStatus: CallStatus = 'NO RULES'
  const voxnumberType: VoxnumberType = 'LOCAL'
  const filters: AccountVoxnumberArguments = { assignedStatus: assigned, voxnumberType, limit: 2, order: 'vnpd_DESC' }
  const page: Page<AccountVoxnumber> = await client.getVoxnumbers(filters)
  for await (const n of client.iterVoxnumbers({ callStatus })) {
    // A Date when IOVOX's text reads as one (UTC: IOVOX does not say its zone), else the text.
    const when: Date | string | undefined = n.purchaseDate
    console.log(n.voxnumber, when instanceof Date ? when.toISOString() : when)
  }
  const linkFilters: AccountLinkArguments = { linkId: '100' }
  const linkPage: Page<AccountLink> = await client.getLinks(linkFilters)
  for await (const l of client.iterLinks()) console.log(l.linkId)
  for await (const r of client.iterVoxnumberRegions()) console.log(r.cityName)
  console.log(regions.totalResults, page.hasNext, linkPage.results[0]?.voxnumber)
  const give: DeleteVoxnumbersRequest = { fullVoxnumbers: ['441512100200'], rmIfInUse: true }
  await client.deleteVoxnumbersFromAccount(give)
  const raw: RawRequest = { interface: 'Links', method: 'getLinks', verb: 'GET', safeToRepeat: true }
  const answer: RawResponse = await client.rawRequest(raw)
  const decoded: Page<AccountLink> = decodePage('getLinks', answer.body)
  console.log(answer.status, answer.body.length, decoded.results.length)
  try {
    receiveCallback('https://u:p@example.com/', undefined, '<order/>')
  } catch (e) {
    if (e instanceof CallbackError) console.log(e.status)
  }
  const restock: Restock = { count: 1, countryCode: 44, areaCode: 161 }
  sandbox.restock(restock)
  const callbacks: SandboxCallback[] = await sandbox.waitForCallbacks(0, { timeoutMs: 10 })
  const stats: SandboxStats = sandbox.stats
  console.log(callbacks, sandbox.callbacks, sandbox.orders, stats.requests, client.username, client.baseUrl)
  sandbox.inject('500')
  client.close()
  await sandbox.close()
  const xml = '<order><order_reference>r</order_reference><order_status>PENDING</order_status></order>'
  console.log(parseCallback(xml).orderStatus, parseCallback(Buffer.from(xml)).voxnumbers.length)
  const merged: Order = mergeOrder(parseCallback(xml), parseCallback(xml))
  console.log(merged.orderStatus)
  const sent = prepareRequest('deleteNodes', { nodeIds: ['N9'] })
  console.log(sent.query[0][1], sent.body.length)
}

void main()

// The public shapes stand alone (index.d.ts needs no Node types), and agree with the addon's
// own, which napi-rs generates from the Rust structs: a field renamed or retyped on either
// side stops this file compiling.
import type * as native from '../native'
export const agree = {
  position: (p: native.Position): Position => p,
  voxnumber: (v: native.VoxNumber): VoxNumber => v,
  voxnumberBack: (v: VoxNumber): native.VoxNumber => v,
  order: (o: Order): native.Order => o,
  orderFields: (o: native.Order): Omit<Order, 'orderStatus'> => o,
  issue: (i: native.ValidationIssue): Omit<ValidationIssue, 'position' | 'field'> => i,
}
