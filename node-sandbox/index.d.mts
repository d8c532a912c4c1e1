// Types of the ESM entry (index.mjs): the same names as the CommonJS entry, plus the
// default export (the whole package), so neither import style is typed as the other.
import * as sandbox from './index.js'

export * from './index.js'
export default sandbox
