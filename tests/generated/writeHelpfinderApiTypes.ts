import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { openApiDocument } from '../../src/channels/api/openApiDocument'
import { helpfinderApiTypes } from './helpfinderApiTypes'

// `npm run api:types`: the document as served without PUBLIC_ORIGIN (servers do not change the types).
const target = fileURLToPath(new URL('./helpfinderApi.generated.ts', import.meta.url))
writeFileSync(target, await helpfinderApiTypes(JSON.parse(JSON.stringify(openApiDocument({})))))
console.log(`Wrote ${target}`)
