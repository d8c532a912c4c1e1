// ESM entry: the same objects as the CommonJS one.
import sandbox from './index.js'

export const { Sandbox } = sandbox
export default sandbox
