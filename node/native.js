'use strict'
// Finds a package's native addon for this platform: `<binary>.node` in the package itself
// (a build from the checkout), else the platform package npm installed beside it (the
// napi-rs layout: one package per platform, each an optional dependency of the main one,
// so npm installs only the one whose `os`, `cpu` and `libc` fit). Where none fits, the
// error names the platform and says what to do, instead of a bare MODULE_NOT_FOUND.
// Both `iovox` and `iovox-sandbox` load through this file (the sandbox's is a copy made
// by scripts/build-node).
const fs = require('node:fs')
const path = require('node:path')

/** `gnu` or `musl` on Linux; null elsewhere. */
function libc() {
  if (process.platform !== 'linux') return null
  try {
    const header = process.report.getReport().header
    return header.glibcVersionRuntime ? 'gnu' : 'musl'
  } catch {
    return fs.existsSync('/etc/alpine-release') ? 'musl' : 'gnu'
  }
}

/** The napi-rs name of a platform: linux-x64-gnu, darwin-arm64, win32-x64-msvc, … */
function platformName(platform = process.platform, arch = process.arch, c = libc()) {
  if (platform === 'win32') return `win32-${arch}-msvc`
  if (platform === 'linux') return `linux-${arch}-${c ?? 'gnu'}`
  return `${platform}-${arch}`
}

/** The napi-rs name of a Rust target triple, as its platform package is named:
 * x86_64-unknown-linux-gnu is linux-x64-gnu, aarch64-apple-darwin is darwin-arm64, … */
function targetPlatform(triple) {
  const [arch, , os, abi] = triple.split('-')
  const cpu = { x86_64: 'x64', aarch64: 'arm64' }[arch]
  if (!cpu) throw new Error(`no npm platform for target ${triple}`)
  if (os === 'linux') return `linux-${cpu}-${abi}`
  if (os === 'darwin') return `darwin-${cpu}`
  if (os === 'windows') return `win32-${cpu}-${abi}`
  throw new Error(`no npm platform for target ${triple}`)
}

/** The addon of the package this file is in (`package.json` `napi.binaryName`,
 * `napi.packageName`). */
function load() {
  const dir = __dirname
  const { name: pkg, napi } = require(path.join(dir, 'package.json'))
  const name = platformName()
  const platformPackage = `${napi.packageName}-${name}`
  const candidates = [
    path.join(dir, `${napi.binaryName}.node`),
    path.join(dir, `${napi.binaryName}.${name}.node`),
    platformPackage,
  ]
  const failures = []
  for (const candidate of candidates) {
    if (path.isAbsolute(candidate) && !fs.existsSync(candidate)) continue
    try {
      return require(candidate)
    } catch (e) {
      failures.push(`${candidate}: ${e.message}`)
    }
  }
  const published = napi.targets.map(targetPlatform)
  const isPublished = published.includes(name)
  const error = new Error(
    `${pkg} has no native addon for this platform (${name}, Node ${process.versions.node}). ` +
      (isPublished
        ? `Its package ${platformPackage} is an optional dependency: reinstall without ` +
          '--no-optional / --omit=optional, and check that npm installed it for this platform ' +
          '(a node_modules copied from another system will not do).'
        : `Prebuilt addons exist for ${published.join(', ')}; on another platform, build it ` +
          'from the source (Rust needed): https://github.com/iovox-sdk/iovox#quick-start-node.') +
      (failures.length ? ` Tried: ${failures.join('; ')}` : ''),
  )
  error.code = 'IOVOX_NO_NATIVE_ADDON'
  throw error
}

module.exports = { load, platformName, targetPlatform }
